package cl.compraagil.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One step of what the gateway does to every request before routing it (timing, correlation id, size limits,
 * CORS, API-key exchange, authentication). It has a {@code WebFilter}'s contract and runs in its order, but all
 * steps run inside one web filter, {@link EdgeFilters}.
 */
public interface EdgeFilter extends Ordered {

    /** As {@code WebFilter.filter}: handle the exchange, or pass it on with {@code chain.filter}. */
    Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain);
}
