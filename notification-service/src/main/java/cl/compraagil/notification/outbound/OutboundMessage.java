package cl.compraagil.notification.outbound;

import java.time.Instant;

/**
 * A message to send by email or Telegram. {@code dedupKey} makes enqueueing idempotent (per event, rule and
 * channel); {@code sensitive} bodies (one-time links) are erased once sent; {@code digest} messages wait for
 * the recipient's daily summary instead of going out one by one.
 */
public record OutboundMessage(Long userId, Channel channel, String recipient, String subject, String body, String dedupKey,
        boolean sensitive, Instant notBefore, boolean digest) {

    public static OutboundMessage now(Long userId, Channel channel, String recipient, String subject, String body,
            String dedupKey) {
        return new OutboundMessage(userId, channel, recipient, subject, body, dedupKey, false, null, false);
    }

    public OutboundMessage asSensitive() {
        return new OutboundMessage(userId, channel, recipient, subject, body, dedupKey, true, notBefore, digest);
    }
}
