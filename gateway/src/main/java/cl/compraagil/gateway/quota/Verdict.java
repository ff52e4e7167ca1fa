package cl.compraagil.gateway.quota;

import java.util.List;

/** What the limiter decided for one request. */
sealed interface Verdict {

    /** One counted resource after this request: its daily limit (-1 unlimited) and the count so far. */
    record Usage(String resource, long limit, long used) {
        long remaining() {
            return Math.max(0, limit - used);
        }

        boolean unlimited() {
            return limit < 0;
        }
    }

    record Allowed(String plan, long burstRemaining, long burstResetMillis, List<Usage> usages) implements Verdict {
    }

    record BurstExceeded(String plan, long retryAfterMillis) implements Verdict {
    }

    record QuotaExceeded(String plan, String resource, long limit) implements Verdict {
    }

    record PlanUnknown() implements Verdict {
    }

    /** Redis or subscription-service did not answer in time. */
    record Unavailable(String dependency, Throwable cause) implements Verdict {
    }
}
