package cl.compraagil.gateway.security;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Puts the verified caller of a routed request where the later filters (quotas, forwarded headers) read it. */
@Component
class CallerFilter implements GlobalFilter, Ordered {

    static final int ORDER = -20;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .doOnNext(principal -> exchange.getAttributes().put(Caller.ATTRIBUTE,
                        Caller.of(((JwtAuthenticationToken) principal).getToken())))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
