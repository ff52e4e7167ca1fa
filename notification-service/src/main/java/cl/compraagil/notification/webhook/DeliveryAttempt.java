package cl.compraagil.notification.webhook;

import java.time.Duration;

/**
 * The outcome of one HTTP attempt: status (null when no response), latency, a snippet of the answer; {@code blocked}
 * when the SSRF guard refused the destination (not retried).
 */
record DeliveryAttempt(Integer status, long latencyMillis, String responseSnippet, String error, Duration retryAfter,
        boolean blocked) {

    static DeliveryAttempt blocked(String reason) {
        return new DeliveryAttempt(null, 0, null, "Destino bloqueado: " + reason, null, true);
    }

    boolean success() {
        return status != null && status >= 200 && status < 300;
    }

    boolean gone() {
        return status != null && status == 410;
    }
}
