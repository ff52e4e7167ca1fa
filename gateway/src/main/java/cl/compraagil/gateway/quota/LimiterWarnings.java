package cl.compraagil.gateway.quota;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Paces the WARN line about an unreachable limiter store: while Redis is down every request takes that
 * decision, and a line per request would flood the log and cost each request a synchronous write. One line
 * per interval says how many decisions it stands for; the metric still counts each one.
 */
final class LimiterWarnings {

    private final long intervalNanos;
    private final AtomicLong nextLineAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong unreported = new AtomicLong();

    LimiterWarnings(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** Counts a decision, and calls {@code line} with the decisions since the last line when one is due. */
    void decided(LongConsumer line) {
        unreported.incrementAndGet();
        long now = System.nanoTime();
        long due = nextLineAt.get();
        if ((due == Long.MIN_VALUE || now - due >= 0) && nextLineAt.compareAndSet(due, now + intervalNanos)) {
            line.accept(unreported.getAndSet(0));
        }
    }
}
