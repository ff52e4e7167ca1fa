package cl.compraagil.subscription.billing;

import java.time.Instant;
import java.util.UUID;

/** Test data builder of Stripe events in Stripe's JSON shape (API 2025+: periods on subscription items). */
public final class StripeEvents {

    private StripeEvents() {
    }

    public static String event(String type, Instant created, String object) {
        return event("evt_test_" + UUID.randomUUID().toString().replace("-", ""), type, created, object);
    }

    public static String event(String id, String type, Instant created, String object) {
        return """
                {"id": "%s", "object": "event", "api_version": "2025-09-30.clover", "type": "%s", "created": %d,
                 "livemode": false, "pending_webhooks": 1, "data": {"object": %s}}"""
                .formatted(id, type, created.getEpochSecond(), object);
    }

    public static String subscription(String id, String customer, long userId, String plan, String status, Instant periodStart,
            Instant periodEnd, boolean cancelAtPeriodEnd) {
        return """
                {"id": "%s", "object": "subscription", "customer": "%s", "status": "%s", "cancel_at_period_end": %s,
                 "currency": "clp", "metadata": {"user_id": "%d", "plan": "%s", "interval": "monthly"},
                 "items": {"object": "list", "data": [{"id": "si_1", "object": "subscription_item",
                   "current_period_start": %d, "current_period_end": %d,
                   "price": {"id": "price_x", "currency": "clp", "unit_amount": 4990, "recurring": {"interval": "month"}}}]}}"""
                .formatted(id, customer, status, cancelAtPeriodEnd, userId, plan, periodStart.getEpochSecond(),
                        periodEnd.getEpochSecond());
    }

    public static String checkoutSession(String sessionId, String customer, String subscription, long userId, String plan) {
        return """
                {"id": "%s", "object": "checkout.session", "mode": "subscription", "status": "complete",
                 "payment_status": "paid", "client_reference_id": "%d", "customer": "%s", "subscription": "%s",
                 "amount_total": 4990, "currency": "clp", "metadata": {"user_id": "%d", "plan": "%s", "interval": "monthly"}}"""
                .formatted(sessionId, userId, customer, subscription, userId, plan);
    }

    public static String invoice(String id, String customer, String subscription, long amount, String status, Instant start, Instant end) {
        String paid = "paid".equals(status) ? Long.toString(amount) : "0";
        return """
                {"id": "%s", "object": "invoice", "customer": "%s", "status": "%s", "currency": "clp",
                 "amount_due": %d, "amount_paid": %s, "attempt_count": 1, "payment_intent": "pi_%s",
                 "parent": {"type": "subscription_details", "subscription_details": {"subscription": "%s"}},
                 "lines": {"object": "list", "data": [{"amount": %d, "period": {"start": %d, "end": %d}}]}}"""
                .formatted(id, customer, status, amount, paid, id, subscription, amount, start.getEpochSecond(),
                        end.getEpochSecond());
    }
}
