package cl.compraagil.notification.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/** A customer's HTTPS receiver, the event types it wants and its signing secret. */
record WebhookEndpoint(long id, @JsonIgnore long userId, String url, List<String> events, String description,
        boolean active, String disabledReason, Instant failingSince, Instant createdAt, Instant updatedAt,
        @JsonIgnore String secret, @JsonIgnore String previousSecret, @JsonIgnore Instant previousSecretExpiresAt) {

    /** An empty filter means every event type. */
    boolean wants(String eventType) {
        return events.isEmpty() || events.contains(eventType) || events.contains("*");
    }
}
