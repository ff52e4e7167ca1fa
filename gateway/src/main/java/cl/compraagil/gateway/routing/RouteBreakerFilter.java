package cl.compraagil.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import cl.compraagil.gateway.correlation.CorrelatedLog;
import cl.compraagil.gateway.problem.ProblemResponses;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One resilience4j circuit breaker per route, named by the route id and configured under
 * {@code resilience4j.circuitbreaker}: a service that fails (connection refused or dropped, no registered
 * instance, no answer within the route's time-out, {@link RouteTimeouts}) counts against its route, and while the circuit is
 * open the gateway answers at once without calling it. Either way the client gets a 503 problem naming the
 * service in Spanish, with {@code Retry-After}, instead of a 500.
 *
 * <p>The breaker is asked directly ({@code tryAcquirePermission}, {@code onSuccess}, {@code onError}) around the
 * rest of the route's filter chain. Spring Cloud Gateway's {@code CircuitBreaker} filter did the same through
 * Spring Cloud CircuitBreaker's reactive wrapper and a forward to a fallback handler, which cost several
 * operators, a second dispatch for every failure and a measurable share of every proxied request.
 */
@Component
class RouteBreakerFilter implements GlobalFilter, Ordered {

    /** Around the load balancer and the proxy, after the quota decision. */
    static final int ORDER = 1;
    private static final Logger log = LoggerFactory.getLogger(RouteBreakerFilter.class);

    private final CircuitBreakerRegistry registry;
    private final MeterRegistry meters;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    RouteBreakerFilter(CircuitBreakerRegistry registry, MeterRegistry meters) {
        this.registry = registry;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        CircuitBreaker breaker = breakerOf(route.getId());
        if (!breaker.tryAcquirePermission()) {
            return unavailable(exchange, route, CallNotPermittedException.createCallNotPermittedException(breaker));
        }
        long started = System.nanoTime();
        return chain.filter(exchange)
                .doOnSuccess(done -> breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS))
                .doOnCancel(breaker::releasePermission)
                .onErrorResume(failure -> {
                    if (failure instanceof ResponseStatusException refused && refused.getStatusCode().is4xxClientError()) {
                        // the client's fault (a body over the limit, found while it streamed): not the service's
                        breaker.releasePermission();
                        return Mono.error(failure);
                    }
                    breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, failure);
                    return unavailable(exchange, route, failure);
                });
    }

    private CircuitBreaker breakerOf(String routeId) {
        CircuitBreaker breaker = breakers.get(routeId);
        return breaker != null ? breaker : breakers.computeIfAbsent(routeId, registry::circuitBreaker);
    }

    private Mono<Void> unavailable(ServerWebExchange exchange, Route route, Throwable cause) {
        if (exchange.getResponse().isCommitted()) {
            // the service's answer had started: nothing else can be sent on it
            return Mono.error(cause);
        }
        meters.counter("gateway.fallbacks", "route", route.getId(), "cause", cause.getClass().getSimpleName()).increment();
        CorrelatedLog.run(exchange, () -> log.warn("Route {} answered 503: {}", route.getId(), cause.toString()));
        Object displayName = route.getMetadata().get("display-name");
        String service = displayName == null ? "solicitado" : displayName.toString();
        HttpHeaders headers = exchange.getResponse().getHeaders();
        // a service whose answer failed after its headers were copied, but before anything was sent: its framing
        // headers must not describe the problem body
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.set("Retry-After", "5");
        return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                "El servicio " + service + " no está disponible en este momento. Intenta nuevamente en unos segundos.");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
