package cl.compraagil.gateway.correlation;

import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/**
 * Runs a log statement with the exchange's correlation id in the MDC. The gateway logs only a few events
 * per request (fallbacks, limiter failures), so it sets the MDC at those points instead of paying for
 * automatic thread-local propagation on every reactive operator.
 */
public final class CorrelatedLog {

    private CorrelatedLog() {
    }

    public static void run(ServerWebExchange exchange, Runnable logStatement) {
        String id = CorrelationId.of(exchange);
        if (id == null) {
            logStatement.run();
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationId.MDC_KEY, id)) {
            logStatement.run();
        }
    }
}
