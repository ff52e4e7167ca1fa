package cl.compraagil.auth.entitlement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each user's plan allows, as subscription-service last announced it with {@code subscription.changed}.
 * Kept locally so creating an API key or accepting an invitation never calls another service.
 */
@Component
public class Entitlements {

    /** Seats when nothing is known yet: the free plan's single seat. */
    public static final int DEFAULT_SEATS = 1;

    /** @param organizationSeats null means unlimited */
    public record Entitlement(String plan, String status, boolean apiKeys, Integer organizationSeats) {
    }

    private final JdbcClient jdbc;

    Entitlements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Entitlement> of(long userId) {
        return jdbc.sql("SELECT plan, status, api_keys, organization_seats FROM user_entitlements WHERE user_id = :user")
                .param("user", userId)
                .query((rs, row) -> new Entitlement(rs.getString("plan"), rs.getString("status"), rs.getBoolean("api_keys"),
                        rs.getObject("organization_seats", Integer.class)))
                .optional();
    }

    public boolean allowsApiKeys(long userId) {
        return of(userId).map(Entitlement::apiKeys).orElse(false);
    }

    /** @return empty for unlimited */
    public Optional<Integer> seats(long userId) {
        return of(userId).map(e -> Optional.ofNullable(e.organizationSeats())).orElse(Optional.of(DEFAULT_SEATS));
    }

    /** Stores a newer announcement; an older one arriving late changes nothing. Unknown users are ignored. */
    void upsert(long userId, Entitlement entitlement, Instant changedAt) {
        jdbc.sql("""
                INSERT INTO user_entitlements (user_id, plan, status, api_keys, organization_seats, changed_at)
                SELECT :user, :plan, :status, :apiKeys, :seats, :changedAt WHERE EXISTS (SELECT 1 FROM users WHERE id = :user)
                ON CONFLICT (user_id) DO UPDATE SET plan = EXCLUDED.plan, status = EXCLUDED.status,
                    api_keys = EXCLUDED.api_keys, organization_seats = EXCLUDED.organization_seats,
                    changed_at = EXCLUDED.changed_at
                WHERE user_entitlements.changed_at <= EXCLUDED.changed_at
                """)
                .param("user", userId).param("plan", entitlement.plan()).param("status", entitlement.status())
                .param("apiKeys", entitlement.apiKeys()).param("seats", entitlement.organizationSeats())
                .param("changedAt", Timestamp.from(changedAt))
                .update();
    }
}
