package cl.compraagil.licitacion.entitlement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cached limits per user; an older subscription.changed never overwrites a newer one. */
@Repository
class EntitlementStore {

    private final JdbcClient jdbc;

    EntitlementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PlanLimits> find(long userId) {
        return jdbc.sql("""
                SELECT plan, status, saved_licitaciones, exports_per_month FROM user_entitlements WHERE user_id = :id
                """)
                .param("id", userId)
                .query((rs, n) -> new PlanLimits(rs.getString("plan"), rs.getString("status"),
                        rs.getObject("saved_licitaciones", Integer.class), rs.getObject("exports_per_month", Integer.class)))
                .optional();
    }

    void save(long userId, PlanLimits limits, Instant changedAt) {
        jdbc.sql("""
                INSERT INTO user_entitlements (user_id, plan, status, saved_licitaciones, exports_per_month, changed_at)
                VALUES (:id, :plan, :status, :saved, :exports, :changedAt)
                ON CONFLICT (user_id) DO UPDATE SET plan = EXCLUDED.plan, status = EXCLUDED.status,
                    saved_licitaciones = EXCLUDED.saved_licitaciones, exports_per_month = EXCLUDED.exports_per_month,
                    changed_at = EXCLUDED.changed_at
                WHERE user_entitlements.changed_at <= EXCLUDED.changed_at
                """)
                .param("id", userId)
                .param("plan", limits.plan())
                .param("status", limits.status())
                .param("saved", limits.savedLicitaciones(), java.sql.Types.INTEGER)
                .param("exports", limits.exportsPerMonth(), java.sql.Types.INTEGER)
                .param("changedAt", Timestamp.from(changedAt))
                .update();
    }

    void delete(long userId) {
        jdbc.sql("DELETE FROM user_entitlements WHERE user_id = :id").param("id", userId).update();
    }
}
