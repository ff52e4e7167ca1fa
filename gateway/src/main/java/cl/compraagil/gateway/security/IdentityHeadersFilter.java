package cl.compraagil.gateway.security;

import java.util.List;
import java.util.Locale;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Services must only trust identity the gateway derived from a verified token: any identity header a
 * client sent is removed, then {@code X-User-Id} is set from the token's subject. The Authorization header
 * travels unchanged, so each service verifies the token again.
 */
@Component
class IdentityHeadersFilter implements GlobalFilter, Ordered {

    static final String USER_ID = "X-User-Id";
    static final int ORDER = -20;

    private final List<String> prefixes;

    IdentityHeadersFilter(GatewaySecurityProperties properties) {
        this.prefixes = properties.identityHeaderPrefixes().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> Caller.of(((JwtAuthenticationToken) principal).getToken()))
                .map(caller -> {
                    exchange.getAttributes().put(Caller.ATTRIBUTE, caller);
                    return withIdentity(exchange, caller);
                })
                .defaultIfEmpty(exchange)
                .map(this::withoutClientIdentity)
                .flatMap(chain::filter);
    }

    private ServerWebExchange withIdentity(ServerWebExchange exchange, Caller caller) {
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> {
                    strip(headers);
                    headers.set(USER_ID, Long.toString(caller.userId()));
                }).build();
        return exchange.mutate().request(request).build();
    }

    private ServerWebExchange withoutClientIdentity(ServerWebExchange exchange) {
        if (Caller.of(exchange) != null) {
            return exchange;
        }
        ServerHttpRequest request = exchange.getRequest().mutate().headers(this::strip).build();
        return exchange.mutate().request(request).build();
    }

    private void strip(HttpHeaders headers) {
        List<String> names = headers.headerNames().stream()
                .filter(name -> isIdentity(name.toLowerCase(Locale.ROOT))).toList();
        names.forEach(headers::remove);
    }

    private boolean isIdentity(String name) {
        if (name.equals("x-api-key")) {
            return true;
        }
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
