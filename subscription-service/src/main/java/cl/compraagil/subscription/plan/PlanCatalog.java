package cl.compraagil.subscription.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** The plans table: read by every feature, written only by the admin change of a plan's features. */
@Repository
public class PlanCatalog {

    private static final String COLUMNS = """
            id, name, display_name, price_monthly, price_yearly, stripe_price_id, stripe_price_id_yearly,
            features::text AS features, sort_order, is_active
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public PlanCatalog(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public List<Plan> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription_plans WHERE is_active ORDER BY sort_order")
                .query(this::map).list();
    }

    public Optional<Plan> byName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription_plans WHERE name = :name")
                .param("name", name).query(this::map).optional();
    }

    public Plan byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription_plans WHERE id = :id")
                .param("id", id).query(this::map).single();
    }

    public Plan free() {
        return byName(Plan.FREE).orElseThrow(() -> new IllegalStateException("The free plan is missing"));
    }

    /** Finds the plan a Stripe price id was configured for (prices created in the Stripe dashboard). */
    public Optional<Plan> byStripePrice(String priceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription_plans WHERE stripe_price_id = :p OR stripe_price_id_yearly = :p")
                .param("p", priceId).query(this::map).optional();
    }

    /** Replaces a plan's entitlements and records who did it and why, in one transaction with the caller. */
    void changeEntitlements(Plan plan, Entitlements entitlements, long adminId, String reason) {
        String json = mapper.writeValueAsString(entitlements);
        jdbc.sql("""
                INSERT INTO plan_feature_changes (plan_id, changed_by, reason, previous_features, new_features)
                VALUES (:plan, :admin, :reason, CAST(:previous AS jsonb), CAST(:next AS jsonb))
                """)
                .param("plan", plan.id()).param("admin", adminId).param("reason", reason)
                .param("previous", mapper.writeValueAsString(plan.entitlements())).param("next", json)
                .update();
        jdbc.sql("UPDATE subscription_plans SET features = CAST(:features AS jsonb), updated_at = now() WHERE id = :id")
                .param("features", json).param("id", plan.id()).update();
    }

    List<PlanFeatureChange> changes(long planId) {
        return jdbc.sql("""
                SELECT changed_by, reason, previous_features::text AS previous, new_features::text AS next, changed_at
                FROM plan_feature_changes WHERE plan_id = :plan ORDER BY changed_at DESC, id DESC
                """)
                .param("plan", planId)
                .query((rs, n) -> new PlanFeatureChange(rs.getLong("changed_by"), rs.getString("reason"),
                        mapper.readValue(rs.getString("previous"), Entitlements.class),
                        mapper.readValue(rs.getString("next"), Entitlements.class),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    private Plan map(ResultSet rs, int row) throws SQLException {
        return new Plan(rs.getLong("id"), rs.getString("name"), rs.getString("display_name"), rs.getInt("price_monthly"),
                (Integer) rs.getObject("price_yearly"), rs.getString("stripe_price_id"), rs.getString("stripe_price_id_yearly"),
                mapper.readValue(rs.getString("features"), Entitlements.class), rs.getInt("sort_order"),
                rs.getBoolean("is_active"));
    }
}
