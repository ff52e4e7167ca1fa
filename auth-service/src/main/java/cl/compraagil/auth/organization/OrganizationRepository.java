package cl.compraagil.auth.organization;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organizations and their members. Reads by organization id always go through the caller's membership. */
@Repository
class OrganizationRepository {

    record OrganizationView(long id, String name, long ownerId, Integer maxUsers, String role, Instant createdAt) {
    }

    record MemberView(long userId, String email, String fullName, String role, Instant joinedAt) {
    }

    private static final String AS_MEMBER = """
            SELECT o.id, o.name, o.owner_id, o.max_users, m.role, o.created_at
            FROM organizations o JOIN organization_members m ON m.organization_id = o.id AND m.user_id = :user
            """;

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, long ownerId, Integer maxUsers) {
        long id = jdbc.sql("INSERT INTO organizations (name, owner_id, max_users) VALUES (:name, :owner, :max) RETURNING id")
                .param("name", name).param("owner", ownerId).param("max", maxUsers).query(Long.class).single();
        addMember(id, ownerId, OrganizationRole.OWNER);
        return id;
    }

    void addMember(long organizationId, long userId, OrganizationRole role) {
        jdbc.sql("INSERT INTO organization_members (organization_id, user_id, role) VALUES (:org, :user, :role)")
                .param("org", organizationId).param("user", userId).param("role", role.code()).update();
    }

    /** The organization as seen by one of its members; empty for anyone else. */
    Optional<OrganizationView> findAsMember(long organizationId, long userId) {
        return jdbc.sql(AS_MEMBER + " WHERE o.id = :org").param("user", userId).param("org", organizationId)
                .query(OrganizationView.class).optional();
    }

    List<OrganizationView> listOf(long userId) {
        return jdbc.sql(AS_MEMBER + " ORDER BY m.joined_at, o.id").param("user", userId).query(OrganizationView.class).list();
    }

    /** Locks the organization row so concurrent accepts cannot both take the last seat. */
    Optional<OrganizationView> lockForOwner(long organizationId) {
        return jdbc.sql("""
                SELECT o.id, o.name, o.owner_id, o.max_users, 'owner' AS role, o.created_at
                FROM organizations o WHERE o.id = :org FOR UPDATE
                """).param("org", organizationId).query(OrganizationView.class).optional();
    }

    List<MemberView> members(long organizationId) {
        return jdbc.sql("""
                SELECT m.user_id, u.email, u.full_name, m.role, m.joined_at
                FROM organization_members m JOIN users u ON u.id = m.user_id
                WHERE m.organization_id = :org ORDER BY m.joined_at, m.id
                """).param("org", organizationId).query(MemberView.class).list();
    }

    long memberCount(long organizationId) {
        return jdbc.sql("SELECT count(*) FROM organization_members WHERE organization_id = :org")
                .param("org", organizationId).query(Long.class).single();
    }

    void changeRole(long organizationId, long userId, OrganizationRole role) {
        jdbc.sql("UPDATE organization_members SET role = :role WHERE organization_id = :org AND user_id = :user")
                .param("role", role.code()).param("org", organizationId).param("user", userId).update();
    }

    /**
     * Deletes every organization of an owner, members and invitations cascading. The owner's row is locked first:
     * an organization being created for them concurrently waits on it, so none slips past without its event.
     */
    List<Long> deleteOwnedBy(long ownerId) {
        jdbc.sql("SELECT id FROM users WHERE id = :owner FOR UPDATE").param("owner", ownerId).query(Long.class).optional();
        return jdbc.sql("WITH gone AS (DELETE FROM organizations WHERE owner_id = :owner RETURNING id)"
                        + " SELECT id FROM gone ORDER BY id")
                .param("owner", ownerId).query(Long.class).list();
    }

    void removeMember(long organizationId, long userId) {
        jdbc.sql("DELETE FROM organization_members WHERE organization_id = :org AND user_id = :user")
                .param("org", organizationId).param("user", userId).update();
    }
}
