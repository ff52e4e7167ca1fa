package cl.compraagil.subscription.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The checkout_sessions table. */
@Repository
public class CheckoutSessions {

    private static final String SELECT = """
            SELECT id, user_id, plan_id, billing_interval, amount, url, idempotency_key, status, expires_at
            FROM checkout_sessions
            """;

    private final JdbcClient jdbc;

    public CheckoutSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CheckoutSessionRecord> byId(String id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::map).optional();
    }

    Optional<CheckoutSessionRecord> byIdempotencyKey(long userId, String key) {
        return jdbc.sql(SELECT + " WHERE user_id = :user AND idempotency_key = :key")
                .param("user", userId).param("key", key).query(this::map).optional();
    }

    void insert(CheckoutSessionRecord session) {
        jdbc.sql("""
                INSERT INTO checkout_sessions (id, user_id, plan_id, billing_interval, amount, url, idempotency_key, status, expires_at)
                VALUES (:id, :user, :plan, :interval, :amount, :url, :key, 'open', :expires)
                ON CONFLICT (id) DO NOTHING
                """)
                .param("id", session.id()).param("user", session.userId()).param("plan", session.planId())
                .param("interval", session.interval().value()).param("amount", session.amount()).param("url", session.url())
                .param("key", session.idempotencyKey()).param("expires", Timestamp.from(session.expiresAt()))
                .update();
    }

    /** Only one "Pagar" click of the local checkout page goes through. */
    public boolean claimForPayment(String id) {
        return jdbc.sql("UPDATE checkout_sessions SET status = 'paying' WHERE id = :id AND status = 'open' AND expires_at > now()")
                .param("id", id).update() == 1;
    }

    public void reopen(String id) {
        jdbc.sql("UPDATE checkout_sessions SET status = 'open' WHERE id = :id AND status = 'paying'").param("id", id).update();
    }

    public void markCompleted(String id) {
        jdbc.sql("UPDATE checkout_sessions SET status = 'completed' WHERE id = :id").param("id", id).update();
    }

    private CheckoutSessionRecord map(ResultSet rs, int row) throws SQLException {
        return new CheckoutSessionRecord(rs.getString("id"), rs.getLong("user_id"), rs.getLong("plan_id"),
                BillingInterval.of(rs.getString("billing_interval")), rs.getInt("amount"), rs.getString("url"),
                rs.getString("idempotency_key"), rs.getString("status"), rs.getTimestamp("expires_at").toInstant());
    }
}
