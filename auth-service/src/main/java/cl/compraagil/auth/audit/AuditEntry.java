package cl.compraagil.auth.audit;

import java.time.Instant;
import java.util.Map;

/** One line of the audit trail. */
public record AuditEntry(long id, Instant occurredAt, String action, Long actorUserId, Long targetUserId,
        Long organizationId, String ip, Map<String, Object> details) {
}
