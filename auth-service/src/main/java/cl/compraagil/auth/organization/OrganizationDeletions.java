package cl.compraagil.auth.organization;

import cl.compraagil.auth.audit.AuditLog;
import cl.compraagil.events.OutboxWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes the organizations an owner leaves behind when their account goes, announcing each one as
 * {@code organization.deleted} in the same transaction so other services drop what the organization owned.
 */
@Component
public class OrganizationDeletions {

    static final String DELETED = "organization.deleted";

    record OrganizationDeleted(long organizationId, long ownerId, Instant deletedAt) {
    }

    private final OrganizationRepository repository;
    private final OutboxWriter outbox;
    private final AuditLog audit;
    private final Clock clock;

    OrganizationDeletions(OrganizationRepository repository, OutboxWriter outbox, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Runs inside the account deletion's transaction, before the user row goes: members and invitations go with
     * each organization; organizations the user merely belongs to are untouched (their membership cascades).
     *
     * @return the ids of the deleted organizations
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> deleteOwnedBy(long ownerId, String ip) {
        Instant deletedAt = clock.instant();
        List<Long> deleted = repository.deleteOwnedBy(ownerId);
        for (long organizationId : deleted) {
            outbox.append(DELETED, Long.toString(organizationId),
                    new OrganizationDeleted(organizationId, ownerId, deletedAt));
            audit.record("organization_deleted", ownerId, ownerId, organizationId, ip, Map.of("reason", "owner_deleted"));
        }
        return deleted;
    }
}
