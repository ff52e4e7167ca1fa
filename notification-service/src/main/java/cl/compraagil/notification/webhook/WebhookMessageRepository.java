package cl.compraagil.notification.webhook;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook send queue and its per-attempt log. */
@Repository
class WebhookMessageRepository {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    WebhookMessageRepository(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * Leases due messages of active endpoints; a crashed replica's lease runs out and the message is sent again.
     * Secrets come back decrypted (cached by the cipher, so not one AES operation per delivery).
     */
    List<WebhookMessage> claimDue(int limit, Duration lease) {
        return jdbc.sql("""
                UPDATE webhook_messages m SET next_attempt_at = now() + make_interval(secs => :lease)
                FROM webhook_endpoints e
                WHERE m.endpoint_id = e.id AND m.id IN (
                    SELECT q.id FROM webhook_messages q JOIN webhook_endpoints qe ON qe.id = q.endpoint_id
                    WHERE q.status = 'pending' AND q.next_attempt_at <= now() AND qe.is_active
                    ORDER BY q.next_attempt_at LIMIT :limit FOR UPDATE OF q SKIP LOCKED)
                RETURNING m.id, m.endpoint_id, e.user_id, m.msg_id, m.event_type, m.payload::text AS payload, m.attempts,
                    e.url, e.secret, e.previous_secret, e.previous_secret_expires_at, e.failing_since IS NOT NULL AS failing
                """)
                .param("lease", lease.toSeconds()).param("limit", limit)
                .query((rs, n) -> new WebhookMessage(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getLong("user_id"),
                        rs.getString("msg_id"), rs.getString("event_type"), rs.getString("payload"), rs.getInt("attempts"),
                        rs.getString("url"), cipher.decrypt(rs.getString("secret")), cipher.decrypt(rs.getString("previous_secret")),
                        rs.getTimestamp("previous_secret_expires_at") == null ? null
                                : rs.getTimestamp("previous_secret_expires_at").toInstant(),
                        rs.getBoolean("failing")))
                .list();
    }

    void logAttempt(WebhookMessage message, DeliveryAttempt attempt) {
        jdbc.sql("""
                INSERT INTO webhook_deliveries (webhook_id, message_id, attempt, event_type, response_status, response_body,
                    success, latency_ms, error)
                VALUES (:endpoint, :message,
                    (SELECT count(*) + 1 FROM webhook_deliveries WHERE message_id = :message),
                    :type, :status, :body, :success, :latency, :error)
                """)
                .param("endpoint", message.endpointId()).param("message", message.id()).param("type", message.eventType())
                .param("status", attempt.status()).param("body", attempt.responseSnippet()).param("success", attempt.success())
                .param("latency", (int) Math.min(Integer.MAX_VALUE, attempt.latencyMillis())).param("error", attempt.error())
                .update();
    }

    /** Logs a batch of successful attempts and closes their messages in two statements. */
    void succeededAll(List<WebhookMessage> delivered, List<DeliveryAttempt> attempts) {
        java.util.List<Long> ids = new java.util.ArrayList<>(delivered.size());
        java.util.List<Long> endpointIds = new java.util.ArrayList<>(delivered.size());
        java.util.List<Integer> statuses = new java.util.ArrayList<>(delivered.size());
        java.util.List<String> bodies = new java.util.ArrayList<>(delivered.size());
        java.util.List<Integer> latencies = new java.util.ArrayList<>(delivered.size());
        java.util.List<String> types = new java.util.ArrayList<>(delivered.size());
        for (int i = 0; i < delivered.size(); i++) {
            ids.add(delivered.get(i).id());
            endpointIds.add(delivered.get(i).endpointId());
            types.add(delivered.get(i).eventType());
            statuses.add(attempts.get(i).status());
            bodies.add(attempts.get(i).responseSnippet());
            latencies.add((int) Math.min(Integer.MAX_VALUE, attempts.get(i).latencyMillis()));
        }
        jdbc.sql("""
                INSERT INTO webhook_deliveries (webhook_id, message_id, attempt, event_type, response_status, response_body,
                    success, latency_ms)
                SELECT d.endpoint_id, d.message_id,
                    (SELECT count(*) + 1 FROM webhook_deliveries w WHERE w.message_id = d.message_id),
                    d.event_type, d.status, d.body, TRUE, d.latency
                FROM unnest(:ids, :endpoints, :types, :statuses, :bodies, :latencies)
                    AS d(message_id, endpoint_id, event_type, status, body, latency)
                """)
                .param("ids", ids.toArray(Long[]::new)).param("endpoints", endpointIds.toArray(Long[]::new))
                .param("types", types.toArray(String[]::new)).param("statuses", statuses.toArray(Integer[]::new))
                .param("bodies", bodies.toArray(String[]::new)).param("latencies", latencies.toArray(Integer[]::new))
                .update();
        jdbc.sql("""
                UPDATE webhook_messages SET status = 'succeeded', attempts = attempts + 1, completed_at = now()
                WHERE id = ANY(:ids)
                """)
                .param("ids", ids.toArray(Long[]::new)).update();
    }

    void succeeded(WebhookMessage message) {
        jdbc.sql("UPDATE webhook_messages SET status = 'succeeded', attempts = attempts + 1, completed_at = now() WHERE id = :id")
                .param("id", message.id()).update();
    }

    void failed(WebhookMessage message) {
        jdbc.sql("UPDATE webhook_messages SET status = 'failed', attempts = attempts + 1, completed_at = now() WHERE id = :id")
                .param("id", message.id()).update();
    }

    void retryAt(WebhookMessage message, Instant at) {
        jdbc.sql("UPDATE webhook_messages SET attempts = attempts + 1, next_attempt_at = :at WHERE id = :id")
                .param("id", message.id()).param("at", Timestamp.from(at)).update();
    }

    /** Sends one message again now, keeping its webhook-id so the receiver can deduplicate. */
    boolean replay(long endpointId, String msgId) {
        return jdbc.sql("""
                UPDATE webhook_messages SET status = 'pending', attempts = 0, next_attempt_at = now(), completed_at = NULL
                WHERE endpoint_id = :endpoint AND msg_id = :msgId
                """)
                .param("endpoint", endpointId).param("msgId", msgId).update() == 1;
    }

    List<MessageView> messages(long endpointId, Long beforeId, int limit) {
        return jdbc.sql("""
                SELECT id, msg_id, event_type, status, attempts, next_attempt_at, created_at, completed_at FROM webhook_messages
                WHERE endpoint_id = :endpoint AND (CAST(:before AS BIGINT) IS NULL OR id < :before)
                ORDER BY id DESC LIMIT :limit
                """)
                .param("endpoint", endpointId).param("before", beforeId).param("limit", limit)
                .query((rs, n) -> new MessageView(rs.getLong("id"), rs.getString("msg_id"), rs.getString("event_type"),
                        rs.getString("status"), rs.getInt("attempts"),
                        "pending".equals(rs.getString("status")) ? rs.getTimestamp("next_attempt_at").toInstant() : null,
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant()))
                .list();
    }

    List<DeliveryView> deliveries(long endpointId, Long beforeId, int limit) {
        return jdbc.sql("""
                SELECT d.id, m.msg_id, d.event_type, d.attempt, d.response_status, d.success, d.latency_ms, d.response_body,
                    d.error, d.delivered_at
                FROM webhook_deliveries d JOIN webhook_messages m ON m.id = d.message_id
                WHERE d.webhook_id = :endpoint AND (CAST(:before AS BIGINT) IS NULL OR d.id < :before)
                ORDER BY d.id DESC LIMIT :limit
                """)
                .param("endpoint", endpointId).param("before", beforeId).param("limit", limit)
                .query((rs, n) -> new DeliveryView(rs.getLong("id"), rs.getString("msg_id"), rs.getString("event_type"),
                        rs.getInt("attempt"), (Integer) rs.getObject("response_status", Integer.class), rs.getBoolean("success"),
                        rs.getInt("latency_ms"), rs.getString("response_body"), rs.getString("error"),
                        rs.getTimestamp("delivered_at").toInstant()))
                .list();
    }
}
