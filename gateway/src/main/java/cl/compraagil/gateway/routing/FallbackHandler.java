package cl.compraagil.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import cl.compraagil.gateway.correlation.CorrelatedLog;
import cl.compraagil.gateway.problem.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request whose service is down, slow or not registered: a 503
 * problem naming the service in Spanish, so the client knows to retry instead of seeing a 500.
 */
@Configuration(proxyBeanMethods = false)
class FallbackHandler {

    static final String PATH = "/fallback";
    private static final Logger log = LoggerFactory.getLogger(FallbackHandler.class);

    @Bean
    RouterFunction<ServerResponse> fallbackRoute(MeterRegistry meters) {
        return RouterFunctions.route(request -> request.path().equals(PATH),
                request -> answer(request.exchange(), meters));
    }

    private Mono<ServerResponse> answer(ServerWebExchange exchange, MeterRegistry meters) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        Throwable cause = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String routeId = route == null ? "unknown" : route.getId();
        Object displayName = route == null ? null : route.getMetadata().get("display-name");
        String service = displayName == null ? "solicitado" : displayName.toString();
        meters.counter("gateway.fallbacks", "route", routeId,
                "cause", cause == null ? "none" : cause.getClass().getSimpleName()).increment();
        CorrelatedLog.run(exchange, () -> log.warn("Route {} answered 503: {}", routeId,
                cause == null ? "no cause" : cause.toString()));
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(ProblemResponses.PROBLEM_JSON)
                .header("Retry-After", "5")
                .bodyValue(ProblemResponses.body(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                        "El servicio " + service + " no está disponible en este momento. Intenta nuevamente en unos segundos."));
    }
}
