package cl.compraagil.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.net.URI;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Works out where a routed request goes (the exchange's {@code GATEWAY_REQUEST_URL_ATTR}), in place of Spring Cloud
 * Gateway's {@link RouteToRequestUrlFilter}, which is switched off in application.yml: the route's scheme, host and
 * port, then the path and query exactly as the client sent them, percent-encoding untouched. The stock filter takes
 * the request's URI apart with {@code UriComponentsBuilder} (its query into a multi-value map), builds a string from
 * the pieces and parses it again, on every request. A route this does not cover (a scheme prefix such as
 * {@code lb:ws://}, no host) and a request with user information go through the stock filter's own rules.
 */
@Component
final class RequestUrlFilter implements GlobalFilter, Ordered {

    private final RouteToRequestUrlFilter stock = new RouteToRequestUrlFilter();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        URI incoming = exchange.getRequest().getURI();
        if (!covers(route.getUri()) || incoming.getRawUserInfo() != null) {
            return stock.filter(exchange, chain);
        }
        exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, merge(route.getUri(), incoming));
        return chain.filter(exchange);
    }

    /** A plain {@code http}, {@code https} or {@code lb} route URI with a host. */
    static boolean covers(URI route) {
        String scheme = route.getScheme();
        return route.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)
                || "lb".equalsIgnoreCase(scheme));
    }

    /** The route's scheme, host and port with the request's raw path and query. */
    static URI merge(URI route, URI incoming) {
        StringBuilder url = new StringBuilder(96).append(route.getScheme()).append("://").append(route.getHost());
        if (route.getPort() != -1) {
            url.append(':').append(route.getPort());
        }
        String path = incoming.getRawPath();
        if (path != null) {
            url.append(path);
        }
        String query = incoming.getRawQuery();
        if (query != null) {
            url.append('?').append(query);
        }
        return URI.create(url.toString());
    }

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER;
    }
}
