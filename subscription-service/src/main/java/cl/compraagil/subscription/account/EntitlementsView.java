package cl.compraagil.subscription.account;

import java.time.Instant;
import java.util.Map;

/**
 * What a user may do now: the data of {@code subscription.changed} and the answer of
 * {@code GET /api/v1/subscriptions/entitlements}. A null limit means unlimited.
 */
public record EntitlementsView(long userId, String plan, String status, Map<String, Integer> limits,
        Map<String, Boolean> features, Instant currentPeriodEnd, Instant changedAt) {
}
