package cl.compraagil.notification.webhook;

import java.time.Instant;
import java.util.List;

/** A leased message with its endpoint's address and secrets, read in the same query that leased it. */
record WebhookMessage(long id, long endpointId, long userId, String msgId, String eventType, String payload, int attempts,
        String url, String secret, String previousSecret, Instant previousSecretExpiresAt, boolean endpointFailing) {

    List<String> signingSecrets(Instant now) {
        if (previousSecret != null && previousSecretExpiresAt != null && previousSecretExpiresAt.isAfter(now)) {
            return List.of(secret, previousSecret);
        }
        return List.of(secret);
    }
}
