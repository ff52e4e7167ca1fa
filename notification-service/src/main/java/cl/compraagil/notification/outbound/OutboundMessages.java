package cl.compraagil.notification.outbound;

import cl.compraagil.notification.events.UserErasure;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The send queue (an outbox table): features enqueue in the transaction that decided to send, and the
 * {@link OutboundDispatcher} delivers. A channel without credentials enqueues nothing, so users only get the inbox.
 */
@Repository
public class OutboundMessages implements UserErasure {

    static final String SENT_SENSITIVE_BODY = "[contenido con enlace de un solo uso eliminado tras el envío]";
    private static final int MAX_BODY = 20_000;

    private final JdbcClient jdbc;
    private final EmailProperties email;
    private final TelegramProperties telegram;

    public OutboundMessages(JdbcClient jdbc, EmailProperties email, TelegramProperties telegram) {
        this.jdbc = jdbc;
        this.email = email;
        this.telegram = telegram;
    }

    public boolean available(Channel channel) {
        return channel == Channel.EMAIL ? email.enabled() : telegram.enabled();
    }

    /** @return true if queued, false if the channel is off, the recipient unknown or the message already queued */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(OutboundMessage message) {
        if (!available(message.channel()) || message.recipient() == null || message.recipient().isBlank()) {
            return false;
        }
        String body = message.body().length() > MAX_BODY ? message.body().substring(0, MAX_BODY) : message.body();
        return jdbc.sql("""
                INSERT INTO outbound_messages (user_id, channel, recipient, subject, body, dedup_key, sensitive, status,
                    next_attempt_at)
                VALUES (:user, :channel, :recipient, :subject, :body, :dedup, :sensitive, :status,
                    COALESCE(CAST(:notBefore AS timestamptz), now()))
                ON CONFLICT (dedup_key) DO NOTHING
                """)
                .param("user", message.userId()).param("channel", message.channel().column())
                .param("recipient", message.recipient()).param("subject", truncate(message.subject(), 255)).param("body", body)
                .param("dedup", message.dedupKey()).param("sensitive", message.sensitive())
                .param("status", message.digest() ? "digest" : "pending")
                .param("notBefore", message.notBefore() == null ? null : Timestamp.from(message.notBefore()))
                .update() == 1;
    }

    /** Leases due messages to this replica: another replica skips them, and a crash frees them when the lease ends. */
    List<QueuedMessage> claimDue(int limit, java.time.Duration lease) {
        return jdbc.sql("""
                UPDATE outbound_messages SET next_attempt_at = now() + make_interval(secs => :lease)
                WHERE id IN (SELECT id FROM outbound_messages WHERE status = 'pending' AND next_attempt_at <= now()
                             ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING id, user_id, channel, recipient, subject, body, sensitive, attempts
                """)
                .param("lease", lease.toSeconds()).param("limit", limit)
                .query((rs, n) -> new QueuedMessage(rs.getLong("id"), (Long) rs.getObject("user_id", Long.class),
                        Channel.valueOf(rs.getString("channel").toUpperCase(java.util.Locale.ROOT)), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getBoolean("sensitive"), rs.getInt("attempts")))
                .list();
    }

    void markSent(QueuedMessage message, String providerId) {
        jdbc.sql("""
                UPDATE outbound_messages SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL,
                    provider_message_id = :provider, body = CASE WHEN sensitive THEN :erased ELSE body END
                WHERE id = :id
                """)
                .param("id", message.id()).param("provider", providerId).param("erased", SENT_SENSITIVE_BODY).update();
    }

    void retryAt(QueuedMessage message, Instant at, String error, boolean countAttempt) {
        jdbc.sql("""
                UPDATE outbound_messages SET next_attempt_at = :at, last_error = :error,
                    attempts = attempts + CASE WHEN :count THEN 1 ELSE 0 END
                WHERE id = :id
                """)
                .param("id", message.id()).param("at", Timestamp.from(at)).param("error", truncate(error, 500))
                .param("count", countAttempt).update();
    }

    void markFailed(QueuedMessage message, String error) {
        jdbc.sql("""
                UPDATE outbound_messages SET status = 'failed', attempts = attempts + 1, last_error = :error,
                    body = CASE WHEN sensitive THEN :erased ELSE body END
                WHERE id = :id
                """)
                .param("id", message.id()).param("error", truncate(error, 500)).param("erased", SENT_SENSITIVE_BODY).update();
    }

    @Override
    public void eraseUser(long userId) {
        jdbc.sql("DELETE FROM outbound_messages WHERE user_id = :user").param("user", userId).update();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
