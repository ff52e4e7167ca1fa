package cl.compraagil.subscription.billing.webhook;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Reads Stripe objects as JSON, tolerant to API versions: an expandable field is an id or an object with an id,
 * and the subscription period lives on the subscription (old versions) or on its items (2025 and later).
 */
final class StripeJson {

    private StripeJson() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isObject()) {
            value = value.path("id");
        }
        return value.isMissingNode() || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }

    static Instant time(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? Instant.ofEpochSecond(value.asLong()) : null;
    }

    static JsonNode firstItem(JsonNode subscription) {
        return subscription.path("items").path("data").path(0);
    }

    static Instant periodStart(JsonNode subscription) {
        Instant top = time(subscription, "current_period_start");
        return top != null ? top : time(firstItem(subscription), "current_period_start");
    }

    static Instant periodEnd(JsonNode subscription) {
        Instant top = time(subscription, "current_period_end");
        return top != null ? top : time(firstItem(subscription), "current_period_end");
    }

    /** The subscription an invoice bills: {@code subscription} (before 2025) or {@code parent.subscription_details}. */
    static String invoiceSubscription(JsonNode invoice) {
        String direct = text(invoice, "subscription");
        return direct != null ? direct : text(invoice.path("parent").path("subscription_details"), "subscription");
    }

    static Long userId(JsonNode metadataOwner) {
        String value = text(metadataOwner.path("metadata"), "user_id");
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
