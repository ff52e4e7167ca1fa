package cl.compraagil.notification.inbox;

import java.util.Map;

/** A message to put in a user's in-app inbox; {@code dedupKey} makes writing it idempotent per user. */
public record InboxEntry(long userId, String kind, String title, String body, Map<String, Object> data, String dedupKey) {
}
