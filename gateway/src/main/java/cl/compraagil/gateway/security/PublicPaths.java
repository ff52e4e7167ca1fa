package cl.compraagil.gateway.security;

import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Every path anonymous callers may reach, checked in one plain loop: Spring Security's matcher per pattern
 * would run a reactive chain of some twenty-five matchers on every request.
 */
final class PublicPaths implements ServerWebExchangeMatcher {

    private final List<PathPattern> patterns;

    PublicPaths(List<String> paths) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.patterns = paths.stream().map(parser::parse).toList();
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return MatchResult.match();
            }
        }
        return MatchResult.notMatch();
    }
}
