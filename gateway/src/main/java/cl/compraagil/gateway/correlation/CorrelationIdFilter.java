package cl.compraagil.gateway.correlation;

import cl.compraagil.gateway.edge.EdgeFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * First filter of every request (after the request timer): fixes its correlation id and echoes it to the client. The id travels as an
 * exchange attribute (problem bodies, log lines); the request to the service gets it with the other forwarded
 * headers, so the incoming request is not copied here.
 */
@Component
class CorrelationIdFilter implements EdgeFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = CorrelationId.keepOrCreate(exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
        exchange.getAttributes().put(CorrelationId.ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(CorrelationId.HEADER, id);
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
