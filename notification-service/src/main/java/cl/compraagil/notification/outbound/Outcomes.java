package cl.compraagil.notification.outbound;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Classifies provider responses, and tells the circuit breaker which ones mean the provider is unwell. */
final class Outcomes {

    private Outcomes() {
    }

    static SendResult fromHttp(int status, String providerId, String retryAfter, String body) {
        if (status >= 200 && status < 300) {
            return new SendResult.Sent(providerId);
        }
        String error = "HTTP " + status + ": " + body;
        if (status == 429 || status >= 500 || status == 408) {
            return new SendResult.Transient(error, retryAfter(retryAfter));
        }
        return new SendResult.Permanent(error);
    }

    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            try {
                java.time.ZonedDateTime at = java.time.ZonedDateTime.parse(header.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(java.time.Instant.now(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (java.time.format.DateTimeParseException ignored) {
                return null;
            }
        }
    }

    static void record(CircuitBreaker breaker, SendResult result, long nanos) {
        if (result instanceof SendResult.Transient transientFailure) {
            breaker.onError(nanos, TimeUnit.NANOSECONDS, new IllegalStateException(transientFailure.error()));
        } else {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
