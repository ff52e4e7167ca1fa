package cl.compraagil.auth.onetime;

import cl.compraagil.auth.crypto.Digests;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use secrets bound to a user and a purpose (email verification, password reset, Telegram link code).
 * Only their SHA-256 is stored; consuming one marks it used in the same statement, so two concurrent uses
 * cannot both succeed.
 */
@Component
public class OneTimeTokens {

    public static final String EMAIL_VERIFICATION = "email_verification";
    public static final String PASSWORD_RESET = "password_reset";
    public static final String TELEGRAM_LINK = "telegram_link";

    private final JdbcClient jdbc;
    private final Clock clock;

    OneTimeTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the hash of {@code secret}; earlier unused tokens of the same purpose stop working. */
    public void store(long userId, String purpose, String secret, Duration lifetime) {
        jdbc.sql("UPDATE one_time_tokens SET used_at = now() WHERE user_id = :user AND purpose = :purpose AND used_at IS NULL")
                .param("user", userId).param("purpose", purpose).update();
        jdbc.sql("""
                INSERT INTO one_time_tokens (user_id, purpose, token_hash, expires_at)
                VALUES (:user, :purpose, :hash, :expires)
                """)
                .param("user", userId).param("purpose", purpose).param("hash", Digests.sha256Hex(secret))
                .param("expires", Timestamp.from(clock.instant().plus(lifetime)))
                .update();
    }

    /** @return the user the secret belongs to, if it is unused, unexpired and for this purpose */
    public Optional<Long> consume(String purpose, String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                UPDATE one_time_tokens SET used_at = now()
                WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > now()
                RETURNING user_id
                """)
                .param("hash", Digests.sha256Hex(secret)).param("purpose", purpose)
                .query(Long.class).optional();
    }
}
