package cl.compraagil.gateway.routing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.util.context.Context;

/**
 * Each route's time-out (the default {@code gateway.route-timeout}, or the route's {@code route-timeout}
 * metadata in milliseconds), enforced by Reactor Netty's own response time-out on the proxied request: a timer of
 * the connection's event loop. Spring Cloud Gateway's {@code response-timeout} would wrap every proxied response
 * in {@code Flux.timeout}, whose timers run on Reactor's parallel scheduler: each request scheduled and cancelled
 * one there and woke its thread, which profiles showed as a steady cost per request and, at moderate load, a
 * thread hand-off per request. A service that has not answered in time fails its route's call (a 503 from
 * {@link RouteBreakerFilter}).
 */
@Configuration(proxyBeanMethods = false)
class RouteTimeouts {

    /** The key under which {@link RouteBreakerFilter} hands the route's time-out to the proxied request. */
    static final String CONTEXT_KEY = RouteTimeouts.class.getName();
    static final String METADATA_KEY = "route-timeout";

    private final Duration defaultTimeout;
    private final Map<String, Context> byRoute = new ConcurrentHashMap<>();

    RouteTimeouts(ServiceTargets targets) {
        this.defaultTimeout = targets.routeTimeout();
    }

    /** The time-out of {@code route}, as a Reactor context entry for its proxied call. */
    Context contextFor(Route route) {
        Context known = byRoute.get(route.getId());
        return known != null ? known : byRoute.computeIfAbsent(route.getId(), id -> Context.of(CONTEXT_KEY, timeoutOf(route)));
    }

    private Duration timeoutOf(Route route) {
        Object millis = route.getMetadata().get(METADATA_KEY);
        return millis == null ? defaultTimeout : Duration.ofMillis(Long.parseLong(millis.toString()));
    }

    @Bean
    HttpClientCustomizer routeResponseTimeout() {
        return client -> client.doOnRequest((request, connection) -> request.responseTimeout(
                request.currentContextView().getOrDefault(CONTEXT_KEY, defaultTimeout)));
    }
}
