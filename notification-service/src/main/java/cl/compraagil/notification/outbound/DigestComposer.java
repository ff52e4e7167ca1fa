package cl.compraagil.notification.outbound;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the alerts of "daily digest" rules into one message per user and channel once their digest time
 * arrives; the folded rows stay as a record with status {@code digested}.
 */
@Component
@ConditionalOnProperty(prefix = "notification.outbound", name = "dispatcher-enabled", havingValue = "true", matchIfMissing = true)
class DigestComposer {

    private static final int MAX_ITEMS = 50;

    private final JdbcClient jdbc;

    DigestComposer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${notification.outbound.digest-interval:30s}")
    @Transactional
    public void composeDue() {
        List<DueDigest> due = jdbc.sql("""
                SELECT user_id, channel, min(recipient) AS recipient FROM outbound_messages
                WHERE status = 'digest' AND next_attempt_at <= now() GROUP BY user_id, channel LIMIT 100
                """)
                .query((rs, n) -> new DueDigest(rs.getLong("user_id"), rs.getString("channel"), rs.getString("recipient")))
                .list();
        due.forEach(this::compose);
    }

    private void compose(DueDigest digest) {
        List<Item> items = jdbc.sql("""
                SELECT id, subject, body FROM outbound_messages
                WHERE user_id = :user AND channel = :channel AND status = 'digest' AND next_attempt_at <= now()
                ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED
                """)
                .param("user", digest.userId()).param("channel", digest.channel()).param("limit", MAX_ITEMS)
                .query((rs, n) -> new Item(rs.getLong("id"), rs.getString("subject"), rs.getString("body")))
                .list();
        if (items.isEmpty()) {
            return;
        }
        StringBuilder body = new StringBuilder("Este es tu resumen de oportunidades nuevas que calzan con tus alertas:\n\n");
        for (Item item : items) {
            body.append("• ").append(item.subject()).append('\n');
        }
        body.append("\nRevisa el detalle de cada una en tu bandeja de Compra Ágil.");
        String subject = "Tu resumen diario: " + items.size() + (items.size() == 1 ? " oportunidad nueva" : " oportunidades nuevas");
        jdbc.sql("""
                INSERT INTO outbound_messages (user_id, channel, recipient, subject, body, dedup_key)
                VALUES (:user, :channel, :recipient, :subject, :body, :dedup) ON CONFLICT (dedup_key) DO NOTHING
                """)
                .param("user", digest.userId()).param("channel", digest.channel()).param("recipient", digest.recipient())
                .param("subject", subject).param("body", body.toString())
                .param("dedup", "digest:" + digest.channel() + ":" + items.get(0).id())
                .update();
        jdbc.sql("UPDATE outbound_messages SET status = 'digested' WHERE id IN (:ids)")
                .param("ids", items.stream().map(Item::id).toList()).update();
    }

    private record DueDigest(long userId, String channel, String recipient) {
    }

    private record Item(long id, String subject, String body) {
    }
}
