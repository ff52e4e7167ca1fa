package cl.compraagil.notification.entitlement;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.notification.events.EventData;
import cl.compraagil.notification.events.EventHandler;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Caches the limits and features of each user's plan from {@code subscription.changed}. */
@Component
class SubscriptionEvents implements EventHandler {

    private final Entitlements entitlements;

    SubscriptionEvents(Entitlements entitlements) {
        this.entitlements = entitlements;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("subscription.changed");
    }

    @Override
    public void handle(EventEnvelope event) {
        JsonNode data = event.data();
        long userId = EventData.userId(data);
        JsonNode limits = data.path("limits");
        JsonNode rules = limits.get("alert_rules");
        // An explicit null is "unlimited"; a missing limit is read as none at all, never as unlimited.
        Integer ruleLimit = rules == null ? Integer.valueOf(0) : rules.isNull() ? null : Integer.valueOf(rules.asInt());
        String status = EventData.text(data, "status");
        boolean usable = status == null || Set.of("active", "trialing", "past_due").contains(status);
        Entitlement entitlement = new Entitlement(
                String.valueOf(EventData.text(data, "plan")),
                status == null ? "active" : status,
                usable ? ruleLimit : Integer.valueOf(0),
                usable && data.path("features").path("customer_webhooks").asBoolean(false));
        entitlements.save(userId, entitlement, changedAt(data, event));
    }

    private static Instant changedAt(JsonNode data, EventEnvelope event) {
        String text = EventData.text(data, "changed_at");
        if (text != null) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException ignored) {
                // fall back to the envelope's time
            }
        }
        return event.occurredAt();
    }
}
