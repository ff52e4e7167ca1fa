package cl.compraagil.auth.organization;

import cl.compraagil.auth.audit.AuditLog;
import cl.compraagil.auth.entitlement.Entitlements;
import cl.compraagil.auth.organization.OrganizationRepository.MemberView;
import cl.compraagil.auth.organization.OrganizationRepository.OrganizationView;
import cl.compraagil.events.OutboxWriter;
import cl.compraagil.problem.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Organizations and their members. A non-member gets 404 for everything, so ids reveal nothing; a member lacking
 * the permission gets 403 (the organization is already known to them).
 */
@Component
class Organizations {

    static final String MEMBER_REMOVED = "organization.member_removed";

    record MemberRemoved(long organizationId, long userId) {
    }

    private final OrganizationRepository repository;
    private final Entitlements entitlements;
    private final OutboxWriter outbox;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    Organizations(OrganizationRepository repository, Entitlements entitlements, OutboxWriter outbox, AuditLog audit,
            TransactionTemplate transactions) {
        this.repository = repository;
        this.entitlements = entitlements;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
    }

    OrganizationView create(long ownerId, String name) {
        return transactions.execute(status -> {
            long id = repository.insert(name, ownerId, entitlements.seats(ownerId).orElse(null));
            return repository.findAsMember(id, ownerId).orElseThrow();
        });
    }

    List<OrganizationView> mine(long userId) {
        return repository.listOf(userId);
    }

    OrganizationView get(long organizationId, long userId) {
        return repository.findAsMember(organizationId, userId).orElseThrow(Organizations::notFound);
    }

    /** @return the caller's role, 404 when the caller is not a member */
    OrganizationRole roleOf(long organizationId, long userId) {
        return OrganizationRole.of(get(organizationId, userId).role()).orElseThrow();
    }

    List<MemberView> members(long organizationId, long userId) {
        get(organizationId, userId);
        return repository.members(organizationId);
    }

    void changeRole(long organizationId, long actorId, long memberId, OrganizationRole newRole, String ip) {
        transactions.executeWithoutResult(status -> {
            OrganizationRole actor = roleOf(organizationId, actorId);
            OrganizationRole current = memberRole(organizationId, memberId);
            if (actorId == memberId || !actor.managesMembers() || !actor.mayAssign(newRole)
                    || !actor.mayAssign(current)) {
                throw forbidden();
            }
            repository.changeRole(organizationId, memberId, newRole);
            audit.record("organization_role_changed", actorId, memberId, organizationId, ip,
                    Map.of("from", current.code(), "to", newRole.code()));
        });
    }

    /**
     * Managers remove lower-ranked members; any member but the owner may leave. Either way
     * {@code organization.member_removed} tells other services the member no longer acts for the organization.
     */
    void remove(long organizationId, long actorId, long memberId, String ip) {
        transactions.executeWithoutResult(status -> {
            OrganizationRole actor = roleOf(organizationId, actorId);
            OrganizationRole target = memberRole(organizationId, memberId);
            boolean leaving = actorId == memberId && target != OrganizationRole.OWNER;
            if (!leaving && (!actor.managesMembers() || !actor.mayAssign(target))) {
                throw forbidden();
            }
            repository.removeMember(organizationId, memberId);
            outbox.append(MEMBER_REMOVED, Long.toString(organizationId), new MemberRemoved(organizationId, memberId));
            audit.record(leaving ? "organization_left" : "organization_member_removed", actorId, memberId,
                    organizationId, ip, Map.of("role", target.code()));
        });
    }

    private OrganizationRole memberRole(long organizationId, long memberId) {
        return repository.members(organizationId).stream().filter(m -> m.userId() == memberId).findFirst()
                .flatMap(m -> OrganizationRole.of(m.role()))
                .orElseThrow(() -> ApiProblem.notFound("El miembro"));
    }

    static ApiProblem notFound() {
        return ApiProblem.notFound("La organización");
    }

    static ApiProblem forbidden() {
        return ApiProblem.forbidden("forbidden", "Tu rol en la organización no permite esta acción.");
    }
}
