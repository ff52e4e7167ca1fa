package cl.compraagil.notification.webhook;

import java.time.Instant;

/** A webhook message as its owner sees it. */
record MessageView(long id, String messageId, String eventType, String status, int attempts, Instant nextAttemptAt,
        Instant createdAt, Instant completedAt) {
}
