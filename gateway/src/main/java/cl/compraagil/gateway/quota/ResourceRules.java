package cl.compraagil.gateway.quota;

import cl.compraagil.gateway.security.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** Which daily plan resources a request counts against: by route rules, plus api_calls for API keys. */
@Component
class ResourceRules {

    private record CompiledRule(String resource, Set<String> methods, List<PathPattern> paths) {
        boolean matches(String method, PathContainer path) {
            if (!methods.isEmpty() && !methods.contains(method)) {
                return false;
            }
            // a loop, not a stream: this runs for every rule on every request
            for (int i = 0; i < paths.size(); i++) {
                if (paths.get(i).matches(path)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<CompiledRule> rules;

    ResourceRules(QuotaProperties properties) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.rules = properties.rules().stream()
                .map(rule -> new CompiledRule(rule.resource(),
                        rule.methods().stream().map(String::toUpperCase).collect(Collectors.toUnmodifiableSet()),
                        rule.paths().stream().map(parser::parse).toList()))
                .toList();
    }

    List<String> resourcesFor(ServerHttpRequest request, Caller caller) {
        List<String> resources = new ArrayList<>(2);
        PathContainer path = request.getPath().pathWithinApplication();
        String method = request.getMethod().name();
        for (CompiledRule rule : rules) {
            if (rule.matches(method, path) && !resources.contains(rule.resource())) {
                resources.add(rule.resource());
            }
        }
        if (caller.viaApiKey()) {
            resources.add(QuotaProperties.API_CALLS);
        }
        return resources;
    }
}
