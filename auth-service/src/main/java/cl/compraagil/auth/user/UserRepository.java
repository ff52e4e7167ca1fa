package cl.compraagil.auth.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in the auth database. Email lookups are case-insensitive, as the unique index. */
@Repository
public class UserRepository {

    private static final String COLUMNS = """
            id, telegram_id, email, hashed_password, full_name, company_name, rut, phone, is_active, is_verified,
            is_admin, created_at, updated_at, last_login, tokens_valid_after""";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewUser user) {
        return jdbc.sql("""
                INSERT INTO users (email, hashed_password, full_name, company_name, rut, phone)
                VALUES (:email, :hash, :fullName, :companyName, :rut, :phone) RETURNING id
                """)
                .param("email", user.email())
                .param("hash", user.hashedPassword())
                .param("fullName", user.fullName())
                .param("companyName", user.companyName())
                .param("rut", user.rut())
                .param("phone", user.phone())
                .query(Long.class).single();
    }

    public Optional<User> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(:email)")
                .param("email", email).query(this::map).optional();
    }

    public Optional<User> findByTelegramId(long telegramId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE telegram_id = :telegramId")
                .param("telegramId", telegramId).query(this::map).optional();
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = lower(:email)")
                .param("email", email).query(Long.class).single() > 0;
    }

    /** Admin search over email, name and company; newest first. */
    public List<User> search(String text, int limit, int offset) {
        String pattern = text == null || text.isBlank() ? "%" : "%" + escapeLike(text.trim().toLowerCase()) + "%";
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM users
                WHERE lower(email) LIKE :p OR lower(coalesce(full_name, '')) LIKE :p
                   OR lower(coalesce(company_name, '')) LIKE :p
                ORDER BY id DESC LIMIT :limit OFFSET :offset
                """)
                .param("p", pattern).param("limit", limit).param("offset", offset)
                .query(this::map).list();
    }

    public void updateProfile(long id, String fullName, String companyName, String rut, String phone) {
        jdbc.sql("""
                UPDATE users SET full_name = :fullName, company_name = :companyName, rut = :rut, phone = :phone,
                       updated_at = now() WHERE id = :id
                """)
                .param("fullName", fullName).param("companyName", companyName).param("rut", rut)
                .param("phone", phone).param("id", id)
                .update();
    }

    public void recordLogin(long id) {
        jdbc.sql("UPDATE users SET last_login = now() WHERE id = :id").param("id", id).update();
    }

    /** Sets a new hash; refresh tokens issued before now stop working. */
    public void changePassword(long id, String hash) {
        jdbc.sql("""
                UPDATE users SET hashed_password = :hash, updated_at = now(), tokens_valid_after = now()
                WHERE id = :id
                """)
                .param("hash", hash).param("id", id).update();
    }

    /** Replaces a hash made with older parameters; sessions stay valid (the password did not change). */
    public void rehash(long id, String hash) {
        jdbc.sql("UPDATE users SET hashed_password = :hash WHERE id = :id").param("hash", hash).param("id", id).update();
    }

    public void markVerified(long id) {
        jdbc.sql("UPDATE users SET is_verified = TRUE, updated_at = now() WHERE id = :id").param("id", id).update();
    }

    public void setActive(long id, boolean active) {
        jdbc.sql("""
                UPDATE users SET is_active = :active, updated_at = now(),
                       tokens_valid_after = CASE WHEN :active THEN tokens_valid_after ELSE now() END
                WHERE id = :id
                """)
                .param("active", active).param("id", id).update();
    }

    public void setAdmin(long id, boolean admin) {
        jdbc.sql("UPDATE users SET is_admin = :admin, updated_at = now() WHERE id = :id")
                .param("admin", admin).param("id", id).update();
    }

    public void setTelegramId(long id, Long telegramId) {
        jdbc.sql("UPDATE users SET telegram_id = :telegramId, updated_at = now() WHERE id = :id")
                .param("telegramId", telegramId).param("id", id).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM users WHERE id = :id").param("id", id).update();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private User map(ResultSet rs, int row) throws SQLException {
        Long telegram = rs.getObject("telegram_id", Long.class);
        return new User(rs.getLong("id"), telegram, rs.getString("email"),
                rs.getString("hashed_password"), rs.getString("full_name"), rs.getString("company_name"),
                rs.getString("rut"), rs.getString("phone"), rs.getBoolean("is_active"), rs.getBoolean("is_verified"),
                rs.getBoolean("is_admin"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("last_login")), instant(rs.getTimestamp("tokens_valid_after")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
