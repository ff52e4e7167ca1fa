package cl.compraagil.auth.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** API keys by owner and by HMAC hash. Every query by id also filters by owner. */
@Repository
class ApiKeyRepository {

    private static final String COLUMNS = """
            id, user_id, key_prefix, name, scopes::text AS scopes, rate_limit_per_minute, is_active, last_used_at,
            expires_at, created_at, revoked_at""";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    ApiKeyRepository(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    long insert(long userId, String hash, String prefix, String name, List<String> scopes, int rateLimit, Instant expiresAt) {
        return jdbc.sql("""
                INSERT INTO api_keys (user_id, key_hash, key_prefix, name, scopes, rate_limit_per_minute, expires_at)
                VALUES (:user, :hash, :prefix, :name, CAST(:scopes AS jsonb), :rate, :expires) RETURNING id
                """)
                .param("user", userId).param("hash", hash).param("prefix", prefix).param("name", name)
                .param("scopes", mapper.writeValueAsString(scopes)).param("rate", rateLimit)
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .query(Long.class).single();
    }

    Optional<ApiKey> find(long id, long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id AND user_id = :user")
                .param("id", id).param("user", userId).query(this::map).optional();
    }

    List<ApiKey> listOf(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE user_id = :user ORDER BY id DESC")
                .param("user", userId).query(this::map).list();
    }

    long activeCount(long userId) {
        return jdbc.sql("SELECT count(*) FROM api_keys WHERE user_id = :user AND is_active AND revoked_at IS NULL")
                .param("user", userId).query(Long.class).single();
    }

    Optional<ApiKey> findByHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = :hash")
                .param("hash", hash).query(this::map).optional();
    }

    boolean revoke(long id, long userId) {
        return jdbc.sql("""
                UPDATE api_keys SET is_active = FALSE, revoked_at = now()
                WHERE id = :id AND user_id = :user AND revoked_at IS NULL
                """)
                .param("id", id).param("user", userId).update() > 0;
    }

    /** At most one write a minute per key: the exchange is on the hot path of every API call burst. */
    void touch(long id) {
        jdbc.sql("""
                UPDATE api_keys SET last_used_at = now()
                WHERE id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
                """)
                .param("id", id).update();
    }

    private ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(rs.getLong("id"), rs.getLong("user_id"), rs.getString("key_prefix"), rs.getString("name"),
                mapper.readValue(rs.getString("scopes"), STRINGS), rs.getInt("rate_limit_per_minute"),
                rs.getBoolean("is_active"), instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("expires_at")),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
