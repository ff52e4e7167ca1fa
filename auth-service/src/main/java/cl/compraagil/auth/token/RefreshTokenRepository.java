package cl.compraagil.auth.token;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refresh tokens by SHA-256 hash; rows of one login session share a family id. */
@Repository
class RefreshTokenRepository {

    record StoredRefreshToken(long id, long userId, UUID familyId, Long organizationId, Instant createdAt,
            Instant idleExpiresAt, Instant expiresAt, Instant usedAt, Instant revokedAt) {
    }

    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long userId, UUID family, String hash, Long organizationId, Instant idleExpires, Instant expires) {
        jdbc.sql("""
                INSERT INTO refresh_tokens (user_id, family_id, token_hash, organization_id, idle_expires_at, expires_at)
                VALUES (:user, :family, :hash, :org, :idle, :expires)
                """)
                .param("user", userId).param("family", family).param("hash", hash).param("org", organizationId)
                .param("idle", Timestamp.from(idleExpires)).param("expires", Timestamp.from(expires))
                .update();
    }

    /** Locks the row: two concurrent refreshes of one token are serialised, the second sees it used. */
    Optional<StoredRefreshToken> findForUpdate(String hash) {
        return jdbc.sql("""
                SELECT id, user_id, family_id, organization_id, created_at, idle_expires_at, expires_at, used_at, revoked_at
                FROM refresh_tokens WHERE token_hash = :hash FOR UPDATE
                """)
                .param("hash", hash)
                .query((rs, row) -> new StoredRefreshToken(rs.getLong("id"), rs.getLong("user_id"),
                        rs.getObject("family_id", UUID.class), rs.getObject("organization_id", Long.class),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("idle_expires_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .optional();
    }

    void markUsed(long id) {
        jdbc.sql("UPDATE refresh_tokens SET used_at = now() WHERE id = :id").param("id", id).update();
    }

    int revokeFamily(UUID family) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = :family AND revoked_at IS NULL")
                .param("family", family).update();
    }

    int revokeAllOf(long userId) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = :user AND revoked_at IS NULL")
                .param("user", userId).update();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
