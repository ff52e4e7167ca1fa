package cl.compraagil.ml.entitlements;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The plan features of a user as last announced by subscription-service ({@code subscription.changed}). */
@Component
public class Entitlements {

    private final JdbcClient jdbc;

    Entitlements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Plan(String plan, String status) {
    }

    /** True when the user's cached plan is active and includes the feature. */
    public boolean allows(long userId, String feature) {
        return jdbc.sql("""
                SELECT coalesce((features ->> :feature)::boolean, false) AND status IN ('active', 'trialing')
                FROM user_entitlements WHERE user_id = :user
                """).param("feature", feature).param("user", userId).query(Boolean.class).optional().orElse(false);
    }

    public Optional<Plan> plan(long userId) {
        return jdbc.sql("SELECT plan, status FROM user_entitlements WHERE user_id = :user").param("user", userId)
                .query((rs, n) -> new Plan(rs.getString(1), rs.getString(2))).optional();
    }
}
