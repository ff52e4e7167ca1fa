package cl.compraagil.auth.organization;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invitations by email; only the SHA-256 of the invitation token is stored. */
@Repository
class InvitationRepository {

    record InvitationView(long id, long organizationId, String email, String role, Instant createdAt, Instant expiresAt,
            Instant acceptedAt) {
    }

    private static final String COLUMNS = "id, organization_id, email, role, created_at, expires_at, accepted_at";

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long organizationId, String email, OrganizationRole role, String tokenHash, long invitedBy, Instant expiresAt) {
        return jdbc.sql("""
                INSERT INTO organization_invitations (organization_id, email, role, token_hash, invited_by, expires_at)
                VALUES (:org, :email, :role, :hash, :by, :expires) RETURNING id
                """)
                .param("org", organizationId).param("email", email).param("role", role.code()).param("hash", tokenHash)
                .param("by", invitedBy).param("expires", Timestamp.from(expiresAt))
                .query(Long.class).single();
    }

    Optional<InvitationView> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization_invitations WHERE id = :id").param("id", id)
                .query(InvitationView.class).optional();
    }

    List<InvitationView> pendingOf(long organizationId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM organization_invitations
                WHERE organization_id = :org AND accepted_at IS NULL AND expires_at > now() ORDER BY id DESC
                """).param("org", organizationId).query(InvitationView.class).list();
    }

    /** Marks the invitation accepted if it is still open; locks it for the rest of the transaction. */
    Optional<InvitationView> claim(String tokenHash) {
        return jdbc.sql("UPDATE organization_invitations SET accepted_at = now()"
                        + " WHERE token_hash = :hash AND accepted_at IS NULL AND expires_at > now() RETURNING " + COLUMNS)
                .param("hash", tokenHash).query(InvitationView.class).optional();
    }
}
