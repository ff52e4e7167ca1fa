package cl.compraagil.licitacion.mercadopublico;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The one lane all calls made with the ticket go through: never two at once (Mercado Público answers 10500 to
 * simultaneous requests), in this JVM by a fair lock and across replicas by {@link TicketMutex}, spaced by a
 * minimum interval, each one paid from the daily budget, retried with
 * backoff (or the advised Retry-After) on 429/10500/5xx, and cut by a circuit breaker when the API keeps failing.
 */
@Component
public class TicketLane {

    private final ReentrantLock lock = new ReentrantLock(true);
    private final MercadoPublicoProperties properties;
    private final DailyRequestBudget budget;
    private final TicketMutex mutex;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private long lastCallNanos;

    TicketLane(MercadoPublicoProperties properties, DailyRequestBudget budget, TicketMutex mutex) {
        this.properties = properties;
        this.budget = budget;
        this.mutex = mutex;
        this.breaker = CircuitBreaker.of("mercadopublico", CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.circuitFailureRate())
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .waitDurationInOpenState(properties.circuitOpenFor())
                .recordException(TicketLane::upstreamFailure)
                .build());
        this.retry = Retry.of("mercadopublico", RetryConfig.<Object>custom()
                .maxAttempts(Math.max(1, properties.maxAttempts()))
                .retryOnException(this::worthRetrying)
                .intervalBiFunction((attempt, outcome) -> pause(attempt, outcome.isLeft() ? outcome.getLeft() : null))
                .build());
    }

    <T> T call(String api, int dailyBudget, Supplier<T> request) {
        lock.lock();
        try {
            // backoff pauses happen outside the cluster-wide mutex, so other replicas can call meanwhile
            return retry.executeSupplier(() -> mutex.hold(() -> breaker.executeSupplier(() -> {
                pace();
                budget.consume(api, dailyBudget);
                return request.get();
            })));
        } catch (CallNotPermittedException open) {
            throw new MercadoPublicoException(MercadoPublicoException.Reason.CIRCUIT_OPEN,
                    "Mercado Público circuit is open after repeated failures");
        } finally {
            lock.unlock();
        }
    }

    public CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    private void pace() {
        long wait = properties.minInterval().toNanos() - (System.nanoTime() - lastCallNanos);
        if (lastCallNanos != 0 && wait > 0) {
            sleep(Duration.ofNanos(wait));
        }
        lastCallNanos = System.nanoTime();
    }

    private boolean worthRetrying(Throwable failure) {
        return failure instanceof MercadoPublicoException e && e.retryable()
                && (e.retryAfter() == null || e.retryAfter().compareTo(properties.maxRetryAfter()) <= 0);
    }

    private long pause(int attempt, Throwable failure) {
        if (failure instanceof MercadoPublicoException e && e.retryAfter() != null) {
            return e.retryAfter().toMillis();
        }
        long backoff = properties.initialBackoff().toMillis() * (1L << Math.min(10, attempt - 1));
        return Math.min(backoff, properties.maxBackoff().toMillis());
    }

    private static boolean upstreamFailure(Throwable failure) {
        return failure instanceof MercadoPublicoException e && e.retryable();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MercadoPublicoException(MercadoPublicoException.Reason.UNAVAILABLE, "Interrupted while pacing");
        }
    }
}
