package cl.compraagil.subscription.billing;

import java.time.Instant;

/** A checkout session this service opened for a user. */
public record CheckoutSessionRecord(String id, long userId, long planId, BillingInterval interval, int amount, String url,
        String idempotencyKey, String status, Instant expiresAt) {

    public boolean open(Instant now) {
        return "open".equals(status) && now.isBefore(expiresAt);
    }
}
