package cl.compraagil.gateway.routing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.stereotype.Component;

/**
 * Each route's time-out (the default {@code gateway.route-timeout}, or the route's {@code route-timeout}
 * metadata in milliseconds), which {@link ProxyRoutingFilter} gives the proxied request as Reactor Netty's own
 * response time-out: a timer of the connection's event loop. Spring Cloud Gateway's {@code response-timeout}
 * would wrap every proxied response in {@code Flux.timeout}, whose timers run on Reactor's parallel scheduler:
 * each request scheduled and cancelled one there and woke its thread, which profiles showed as a steady cost per
 * request and, at moderate load, a thread hand-off per request. A service that has not answered in time fails its
 * route's call (a 503 from {@link RouteBreakerFilter}).
 */
@Component
class RouteTimeouts {

    static final String METADATA_KEY = "route-timeout";

    private final Duration defaultTimeout;
    private final Map<String, Duration> byRoute = new ConcurrentHashMap<>();

    RouteTimeouts(ServiceTargets targets) {
        this.defaultTimeout = targets.routeTimeout();
    }

    /** How long {@code route} waits for its service's answer. */
    Duration of(Route route) {
        Duration known = byRoute.get(route.getId());
        return known != null ? known : byRoute.computeIfAbsent(route.getId(), id -> timeoutOf(route));
    }

    private Duration timeoutOf(Route route) {
        Object millis = route.getMetadata().get(METADATA_KEY);
        return millis == null ? defaultTimeout : Duration.ofMillis(Long.parseLong(millis.toString()));
    }
}
