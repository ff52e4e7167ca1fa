package cl.compraagil.gateway.security;

import cl.compraagil.gateway.edge.EdgeFilter;
import cl.compraagil.gateway.problem.ProblemResponses;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The gateway's authentication, in one filter: the strict firewall, then the bearer token (RS256 {@code at+jwt}
 * of the suite's issuer, verified against its JWKS through {@link VerifiedTokens}), then the caller put where
 * the quota and header filters read it. Public paths pass without a token; anything else without a valid
 * token gets a 401 problem; a token that is present but invalid gets a 401 on every path, public ones
 * included. Every answer carries the usual security headers.
 *
 * <p>It replaces Spring Security's reactive filter chain, whose dozen filters, matchers and context
 * propagation cost more per proxied request than the gateway's own work; what that chain did here (firewall,
 * bearer extraction, the authenticated-or-public rule, the entry point and the response headers) is all below.
 */
final class TokenAuthenticationFilter implements EdgeFilter {

    static final int ORDER = -100;
    private static final String BEARER = "Bearer";
    private static final Logger log = LoggerFactory.getLogger(TokenAuthenticationFilter.class);

    private final EdgeFirewall firewall;
    private final VerifiedTokens tokens;
    private final List<PathPattern> publicPaths;

    TokenAuthenticationFilter(EdgeFirewall firewall, VerifiedTokens tokens, List<String> publicPaths) {
        this.firewall = firewall;
        this.tokens = tokens;
        this.publicPaths = publicPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            securityHeaders(exchange.getResponse());
            return Mono.empty();
        });
        String rejection = firewall.rejection(exchange.getRequest());
        if (rejection != null) {
            log.debug("Request refused by the firewall: {}", rejection);
            return ProblemResponses.write(exchange, HttpStatus.BAD_REQUEST, "bad_request", "La solicitud no es válida.");
        }
        return authenticate(exchange, chain);
    }

    private Mono<Void> authenticate(ServerWebExchange exchange, WebFilterChain chain) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            // no bearer token (another scheme, such as a client's Basic credentials, is the service's business)
            return isPublic(exchange) ? chain.filter(exchange) : unauthorized(exchange);
        }
        String token = authorization.length() > BEARER.length() + 1 && authorization.charAt(BEARER.length()) == ' '
                ? authorization.substring(BEARER.length() + 1) : null;
        if (token == null) {
            return unauthorized(exchange);
        }
        Caller known = tokens.knownCaller(token);
        if (known != null) {
            // a kept token passed full verification, so it is well formed: no need to scan its characters again
            exchange.getAttributes().put(Caller.ATTRIBUTE, known);
            return chain.filter(exchange);
        }
        if (!isB64Token(token)) {
            return unauthorized(exchange);
        }
        return tokens.decode(token)
                .map(jwt -> Optional.of(Caller.of(jwt)))
                .onErrorResume(invalid -> Mono.just(Optional.empty()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(caller -> {
                    if (caller.isEmpty()) {
                        return unauthorized(exchange);
                    }
                    exchange.getAttributes().put(Caller.ATTRIBUTE, caller.get());
                    return chain.filter(exchange);
                });
    }

    /** RFC 6750's b64token ({@code [A-Za-z0-9-._~+/]+=*}), as Spring Security's bearer converter accepts it. */
    static boolean isB64Token(String token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private boolean isPublic(ServerWebExchange exchange) {
        if (exchange.getRequest().getMethod() == HttpMethod.OPTIONS) {
            return true;
        }
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        for (PathPattern pattern : publicPaths) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange) {
        return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized",
                "Debes iniciar sesión con un token válido.");
    }

    /** Spring Security's defaults, each only where the service did not set its own. */
    private static void securityHeaders(ServerHttpResponse response) {
        HttpHeaders headers = response.getHeaders();
        if (response.getStatusCode() != HttpStatus.NOT_MODIFIED && !headers.containsHeader(HttpHeaders.CACHE_CONTROL)
                && !headers.containsHeader(HttpHeaders.EXPIRES) && !headers.containsHeader(HttpHeaders.PRAGMA)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
            headers.set(HttpHeaders.PRAGMA, "no-cache");
            headers.set(HttpHeaders.EXPIRES, "0");
        }
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        setIfAbsent(headers, "X-XSS-Protection", "0");
        setIfAbsent(headers, "Referrer-Policy", "no-referrer");
    }

    private static void setIfAbsent(HttpHeaders headers, String name, String value) {
        if (!headers.containsHeader(name)) {
            headers.set(name, value);
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
