package cl.compraagil.auth.audit;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The audit trail of admin actions and security events (login failures, lockouts, token reuse, key and role
 * changes). Written in the caller's transaction when there is one, so a rolled-back action leaves no line.
 */
@Component
public class AuditLog {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    AuditLog(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public void record(String action, Long actor, Long target, Long organization, String ip, Map<String, ?> details) {
        jdbc.sql("""
                INSERT INTO audit_log (action, actor_user_id, target_user_id, organization_id, ip, details)
                VALUES (:action, :actor, :target, :org, :ip, CAST(:details AS jsonb))
                """)
                .param("action", action).param("actor", actor).param("target", target).param("org", organization)
                .param("ip", ip).param("details", mapper.writeValueAsString(details == null ? Map.of() : details))
                .update();
    }

    /** A line another service sent through {@code audit.recorded}, kept with the time the action happened there. */
    void recordAt(java.time.Instant occurredAt, String action, Long actor, Long target, String ip, Map<String, ?> details) {
        jdbc.sql("""
                INSERT INTO audit_log (occurred_at, action, actor_user_id, target_user_id, ip, details)
                VALUES (:at, :action, :actor, :target, :ip, CAST(:details AS jsonb))
                """)
                .param("at", Timestamp.from(occurredAt)).param("action", action).param("actor", actor)
                .param("target", target).param("ip", ip)
                .param("details", mapper.writeValueAsString(details == null ? Map.of() : details))
                .update();
    }

    /** Newest first, optionally filtered by target user and action. */
    public List<AuditEntry> query(Long targetUserId, String action, int limit, int offset) {
        return jdbc.sql("""
                SELECT id, occurred_at, action, actor_user_id, target_user_id, organization_id, ip, details::text AS details
                FROM audit_log
                WHERE (CAST(:target AS BIGINT) IS NULL OR target_user_id = :target)
                  AND (CAST(:action AS VARCHAR) IS NULL OR action = :action)
                ORDER BY id DESC LIMIT :limit OFFSET :offset
                """)
                .param("target", targetUserId).param("action", action).param("limit", limit).param("offset", offset)
                .query((rs, row) -> new AuditEntry(rs.getLong("id"), ((Timestamp) rs.getTimestamp("occurred_at")).toInstant(),
                        rs.getString("action"), rs.getObject("actor_user_id", Long.class),
                        rs.getObject("target_user_id", Long.class), rs.getObject("organization_id", Long.class),
                        rs.getString("ip"), mapper.readValue(rs.getString("details"), DETAILS)))
                .list();
    }
}
