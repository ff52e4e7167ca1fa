package cl.compraagil.notification.inbox;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One inbox message as its owner sees it. */
public record NotificationView(long id, String kind, String title, String body, JsonNode data, Instant readAt,
        Instant createdAt) {
}
