package cl.compraagil.notification.webhook;

import cl.compraagil.notification.events.UserErasure;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** Webhook endpoints, always read and written through their owner's id. */
@Repository
class WebhookEndpointRepository implements UserErasure {

    private static final String COLUMNS = """
            id, user_id, url, events::text AS events, description, is_active, disabled_reason, failing_since, created_at,
            updated_at""";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final RowMapper<WebhookEndpoint> rowMapper;

    WebhookEndpointRepository(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.rowMapper = (rs, n) -> new WebhookEndpoint(rs.getLong("id"), rs.getLong("user_id"), rs.getString("url"),
                List.of(mapper.readValue(rs.getString("events"), String[].class)), rs.getString("description"),
                rs.getBoolean("is_active"), rs.getString("disabled_reason"), instant(rs, "failing_since"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    List<WebhookEndpoint> ofUser(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE user_id = :user ORDER BY id")
                .param("user", userId).query(rowMapper).list();
    }

    List<WebhookEndpoint> activeOfUser(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE user_id = :user AND is_active ORDER BY id")
                .param("user", userId).query(rowMapper).list();
    }

    Optional<WebhookEndpoint> find(long userId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = :id AND user_id = :user")
                .param("id", id).param("user", userId).query(rowMapper).optional();
    }

    long count(long userId) {
        return jdbc.sql("SELECT count(*) FROM webhook_endpoints WHERE user_id = :user").param("user", userId)
                .query(Long.class).single();
    }

    /** @param encryptedSecret the signing secret as {@link SecretCipher} sealed it */
    long insert(long userId, String url, List<String> events, String description, String encryptedSecret) {
        return jdbc.sql("""
                INSERT INTO webhook_endpoints (user_id, url, events, description, secret, is_active)
                VALUES (:user, :url, CAST(:events AS jsonb), :description, :secret, TRUE) RETURNING id
                """)
                .param("user", userId).param("url", url).param("events", mapper.writeValueAsString(events))
                .param("description", description).param("secret", encryptedSecret)
                .query(Long.class).single();
    }

    void update(long userId, long id, String url, List<String> events, String description, boolean active) {
        jdbc.sql("""
                UPDATE webhook_endpoints SET url = :url, events = CAST(:events AS jsonb), description = :description,
                    is_active = :active, disabled_reason = CASE WHEN :active THEN NULL ELSE 'disabled_by_user' END,
                    failing_since = CASE WHEN :active THEN NULL ELSE failing_since END, updated_at = now()
                WHERE id = :id AND user_id = :user
                """)
                .param("id", id).param("user", userId).param("url", url).param("events", mapper.writeValueAsString(events))
                .param("description", description).param("active", active)
                .update();
    }

    void rotateSecret(long userId, long id, String encryptedSecret, Instant previousValidUntil) {
        jdbc.sql("""
                UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_expires_at = :until, secret = :secret,
                    updated_at = now()
                WHERE id = :id AND user_id = :user
                """)
                .param("id", id).param("user", userId).param("secret", encryptedSecret).param("until", Timestamp.from(previousValidUntil))
                .update();
    }

    boolean delete(long userId, long id) {
        return jdbc.sql("DELETE FROM webhook_endpoints WHERE id = :id AND user_id = :user")
                .param("id", id).param("user", userId).update() == 1;
    }

    @Override
    public void eraseUser(long userId) {
        jdbc.sql("DELETE FROM webhook_endpoints WHERE user_id = :user").param("user", userId).update();
    }

    /** Disables an endpoint and abandons its pending messages (they can be replayed once it is enabled again). */
    void disable(long id, String reason) {
        jdbc.sql("UPDATE webhook_endpoints SET is_active = FALSE, disabled_reason = :reason, updated_at = now() WHERE id = :id")
                .param("id", id).param("reason", reason).update();
        jdbc.sql("UPDATE webhook_messages SET status = 'failed', completed_at = now() WHERE endpoint_id = :id AND status = 'pending'")
                .param("id", id).update();
    }

    void markHealthy(long id) {
        jdbc.sql("UPDATE webhook_endpoints SET failing_since = NULL WHERE id = :id AND failing_since IS NOT NULL")
                .param("id", id).update();
    }

    /** @return since when the endpoint has been failing without a single success */
    Instant markFailing(long id) {
        return jdbc.sql("""
                UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, now()) WHERE id = :id
                RETURNING failing_since
                """)
                .param("id", id).query(Timestamp.class).single().toInstant();
    }

    /** Stored secrets of the endpoints with a secret not sealed under the given prefix (key), for re-encryption. */
    List<StoredSecrets> secretsNotUnder(String prefix) {
        return jdbc.sql("""
                SELECT id, secret, previous_secret FROM webhook_endpoints
                WHERE NOT starts_with(secret, :prefix) OR NOT starts_with(previous_secret, :prefix) ORDER BY id
                """).param("prefix", prefix)
                .query((rs, n) -> new StoredSecrets(rs.getLong("id"), rs.getString("secret"), rs.getString("previous_secret")))
                .list();
    }

    /** Replaces stored secrets only if nobody changed them meanwhile (a rotation by the owner wins). */
    boolean replaceSecrets(StoredSecrets before, String secret, String previousSecret) {
        return jdbc.sql("""
                UPDATE webhook_endpoints SET secret = :secret, previous_secret = :previous
                WHERE id = :id AND secret IS NOT DISTINCT FROM :oldSecret AND previous_secret IS NOT DISTINCT FROM :oldPrevious
                """)
                .param("id", before.id()).param("secret", secret).param("previous", previousSecret)
                .param("oldSecret", before.secret()).param("oldPrevious", before.previousSecret()).update() == 1;
    }

    /** An endpoint's secrets as stored (encrypted). */
    record StoredSecrets(long id, String secret, String previousSecret) {
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
