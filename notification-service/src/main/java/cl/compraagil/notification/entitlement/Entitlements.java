package cl.compraagil.notification.entitlement;

import cl.compraagil.notification.events.UserErasure;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each user's plan as last announced by subscription-service in {@code subscription.changed}. */
@Repository
public class Entitlements implements UserErasure {

    private final JdbcClient jdbc;

    public Entitlements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Entitlement of(long userId) {
        return jdbc.sql("SELECT plan, status, alert_rules_limit, customer_webhooks FROM user_entitlements WHERE user_id = :id")
                .param("id", userId)
                .query((rs, n) -> new Entitlement(rs.getString("plan"), rs.getString("status"),
                        (Integer) rs.getObject("alert_rules_limit", Integer.class), rs.getBoolean("customer_webhooks")))
                .optional()
                .orElse(Entitlement.FREE);
    }

    /** Keeps the newest announcement: events may arrive out of order, so an older one never overwrites a newer one. */
    void save(long userId, Entitlement entitlement, Instant changedAt) {
        jdbc.sql("""
                INSERT INTO user_entitlements (user_id, plan, status, alert_rules_limit, customer_webhooks, changed_at)
                VALUES (:id, :plan, :status, :limit, :webhooks, :changedAt)
                ON CONFLICT (user_id) DO UPDATE SET plan = EXCLUDED.plan, status = EXCLUDED.status,
                    alert_rules_limit = EXCLUDED.alert_rules_limit, customer_webhooks = EXCLUDED.customer_webhooks,
                    changed_at = EXCLUDED.changed_at, updated_at = now()
                WHERE user_entitlements.changed_at <= EXCLUDED.changed_at
                """)
                .param("id", userId).param("plan", entitlement.plan()).param("status", entitlement.status())
                .param("limit", entitlement.alertRulesLimit()).param("webhooks", entitlement.customerWebhooks())
                .param("changedAt", Timestamp.from(changedAt))
                .update();
    }

    @Override
    public void eraseUser(long userId) {
        jdbc.sql("DELETE FROM user_entitlements WHERE user_id = :id").param("id", userId).update();
    }
}
