package cl.compraagil.auth.organization;

import cl.compraagil.auth.audit.AuditLog;
import cl.compraagil.auth.crypto.Digests;
import cl.compraagil.auth.crypto.RandomTokens;
import cl.compraagil.auth.entitlement.Entitlements;
import cl.compraagil.auth.organization.InvitationRepository.InvitationView;
import cl.compraagil.auth.organization.OrganizationRepository.OrganizationView;
import cl.compraagil.events.OutboxWriter;
import cl.compraagil.problem.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations by email with a single-use token (sent by notification-service). Accepting needs a logged-in
 * account with the invited email, and a free seat of the owner's plan.
 */
@Component
class Invitations {

    static final String EVENT = "organization.invitation_created";

    record InvitationCreated(long organizationId, String organizationName, String email, String role, String actionUrl) {
    }

    private final InvitationRepository invitations;
    private final OrganizationRepository organizations;
    private final Organizations access;
    private final Entitlements entitlements;
    private final OutboxWriter outbox;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final InvitationLinks links;
    private final Clock clock;

    Invitations(InvitationRepository invitations, OrganizationRepository organizations, Organizations access,
            Entitlements entitlements, OutboxWriter outbox, AuditLog audit, TransactionTemplate transactions,
            InvitationLinks links, Clock clock) {
        this.invitations = invitations;
        this.organizations = organizations;
        this.access = access;
        this.entitlements = entitlements;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.links = links;
        this.clock = clock;
    }

    InvitationView invite(long organizationId, long actorId, String email, OrganizationRole role, String ip) {
        return transactions.execute(status -> {
            OrganizationRole actor = access.roleOf(organizationId, actorId);
            if (!actor.managesMembers() || !actor.mayAssign(role)) {
                throw Organizations.forbidden();
            }
            OrganizationView organization = organizations.findAsMember(organizationId, actorId).orElseThrow();
            String token = RandomTokens.urlSafe(32);
            long id = invitations.insert(organizationId, email, role, Digests.sha256Hex(token), actorId,
                    clock.instant().plus(links.lifetime()));
            outbox.append(EVENT, Long.toString(organizationId), new InvitationCreated(organizationId, organization.name(),
                    email, role.code(), links.acceptUrl(token)));
            audit.record("organization_invitation_created", actorId, null, organizationId, ip,
                    Map.of("email", email, "role", role.code()));
            return invitations.find(id).orElseThrow();
        });
    }

    List<InvitationView> pending(long organizationId, long actorId) {
        if (!access.roleOf(organizationId, actorId).managesMembers()) {
            throw Organizations.forbidden();
        }
        return invitations.pendingOf(organizationId);
    }

    OrganizationView accept(String token, long userId, String userEmail, String ip) {
        try {
            return transactions.execute(status -> {
                InvitationView invitation = invitations.claim(Digests.sha256Hex(token))
                        .filter(found -> found.email().equalsIgnoreCase(userEmail))
                        .orElseThrow(() -> ApiProblem.notFound("La invitación"));
                OrganizationView organization = organizations.lockForOwner(invitation.organizationId())
                        .orElseThrow(() -> ApiProblem.notFound("La invitación"));
                Integer seats = entitlements.seats(organization.ownerId()).orElse(null);
                if (seats != null && organizations.memberCount(organization.id()) >= seats) {
                    throw ApiProblem.conflict("seats_exhausted", "La organización ya usa los " + seats
                            + " puestos de su plan. El dueño debe mejorar el plan para sumar miembros.")
                            .with("limit", seats).with("upgrade_url", "/pricing");
                }
                organizations.addMember(organization.id(), userId,
                        OrganizationRole.of(invitation.role()).orElse(OrganizationRole.VIEWER));
                audit.record("organization_invitation_accepted", userId, userId, organization.id(), ip,
                        Map.of("role", invitation.role()));
                return organizations.findAsMember(organization.id(), userId).orElseThrow();
            });
        } catch (DuplicateKeyException alreadyMember) {
            throw ApiProblem.conflict("already_member", "Ya eres miembro de esta organización.");
        }
    }

    /** Links in invitation emails. */
    @Component
    static class InvitationLinks {

        private final cl.compraagil.auth.web.LinkProperties properties;

        InvitationLinks(cl.compraagil.auth.web.LinkProperties properties) {
            this.properties = properties;
        }

        Duration lifetime() {
            return properties.invitationLifetime();
        }

        String acceptUrl(String token) {
            return properties.link("/invitations/accept", token);
        }
    }
}
