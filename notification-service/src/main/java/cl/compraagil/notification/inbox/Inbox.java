package cl.compraagil.notification.inbox;

import cl.compraagil.notification.events.UserErasure;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/** The in-app inbox: every feature writes here, and each user reads only their own messages. */
@Repository
public class Inbox implements UserErasure {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public Inbox(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** @return true if the entry is new, false if one with the same dedup key already exists */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean record(InboxEntry entry) {
        return jdbc.sql("""
                INSERT INTO notifications (user_id, kind, title, body, data, dedup_key)
                VALUES (:user, :kind, :title, :body, CAST(:data AS jsonb), :dedup)
                ON CONFLICT (user_id, dedup_key) DO NOTHING
                """)
                .param("user", entry.userId()).param("kind", entry.kind()).param("title", truncate(entry.title(), 200))
                .param("body", entry.body()).param("data", mapper.writeValueAsString(entry.data() == null ? Map.of() : entry.data()))
                .param("dedup", entry.dedupKey())
                .update() == 1;
    }

    List<NotificationView> page(long userId, Long beforeId, boolean unreadOnly, int limit) {
        return jdbc.sql("""
                SELECT id, kind, title, body, data::text AS data, read_at, created_at FROM notifications
                WHERE user_id = :user AND (CAST(:before AS BIGINT) IS NULL OR id < :before)
                  AND (NOT :unreadOnly OR read_at IS NULL)
                ORDER BY id DESC LIMIT :limit
                """)
                .param("user", userId).param("before", beforeId).param("unreadOnly", unreadOnly).param("limit", limit)
                .query((rs, n) -> new NotificationView(rs.getLong("id"), rs.getString("kind"), rs.getString("title"),
                        rs.getString("body"), mapper.readTree(rs.getString("data")),
                        InstantColumns.instant(rs, "read_at"), InstantColumns.instant(rs, "created_at")))
                .list();
    }

    long unreadCount(long userId) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :user AND read_at IS NULL")
                .param("user", userId).query(Long.class).single();
    }

    Optional<NotificationView> markRead(long userId, long id) {
        jdbc.sql("UPDATE notifications SET read_at = now() WHERE id = :id AND user_id = :user AND read_at IS NULL")
                .param("id", id).param("user", userId).update();
        return page(userId, id + 1, false, 1).stream().filter(view -> view.id() == id).findFirst();
    }

    int markAllRead(long userId) {
        return jdbc.sql("UPDATE notifications SET read_at = now() WHERE user_id = :user AND read_at IS NULL")
                .param("user", userId).update();
    }

    @Override
    public void eraseUser(long userId) {
        jdbc.sql("DELETE FROM notifications WHERE user_id = :user").param("user", userId).update();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
