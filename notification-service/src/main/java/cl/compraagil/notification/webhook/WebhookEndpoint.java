package cl.compraagil.notification.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/** A customer's HTTPS receiver and the event types it wants (its signing secret is never read back into it). */
record WebhookEndpoint(long id, @JsonIgnore long userId, String url, List<String> events, String description,
        boolean active, String disabledReason, Instant failingSince, Instant createdAt, Instant updatedAt) {

    /** An empty filter means every event type. */
    boolean wants(String eventType) {
        return events.isEmpty() || events.contains(eventType) || events.contains("*");
    }
}
