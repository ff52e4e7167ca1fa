package cl.compraagil.subscription.account;

import cl.compraagil.subscription.plan.Plan;
import cl.compraagil.subscription.plan.PlanCatalog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The subscriptions table. Reads for update take a row lock so concurrent webhooks apply one after the other. */
@Repository
public class SubscriptionRepository {

    private static final String SELECT = """
            SELECT id, user_id, plan_id, status, billing_interval, stripe_customer_id, stripe_subscription_id,
                   current_period_start, current_period_end, cancel_at_period_end, trial_end, grace_until,
                   stripe_state_at, billing_email, billing_name, company_name
            FROM subscriptions
            """;

    private final JdbcClient jdbc;
    private final PlanCatalog plans;

    public SubscriptionRepository(JdbcClient jdbc, PlanCatalog plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    public Optional<Subscription> byUser(long userId) {
        return one(SELECT + " WHERE user_id = :v", userId);
    }

    public Optional<Subscription> byUserForUpdate(long userId) {
        return one(SELECT + " WHERE user_id = :v FOR UPDATE", userId);
    }

    public Optional<Subscription> byStripeSubscriptionForUpdate(String stripeSubscriptionId) {
        return one(SELECT + " WHERE stripe_subscription_id = :v FOR UPDATE", stripeSubscriptionId);
    }

    public Optional<Subscription> byStripeCustomerForUpdate(String customerId) {
        return one(SELECT + " WHERE stripe_customer_id = :v ORDER BY id LIMIT 1 FOR UPDATE", customerId);
    }

    /** Users whose grace period after a failed payment is over. */
    public List<Long> pastDueBeyondGrace(Instant now, int limit) {
        return jdbc.sql("""
                SELECT user_id FROM subscriptions WHERE status = 'past_due' AND grace_until < :now
                ORDER BY grace_until LIMIT :limit
                """).param("now", Timestamp.from(now)).param("limit", limit).query(Long.class).list();
    }

    /** Subscribers of a plan; restricted users too when it is the free plan, whose limits they have. */
    List<Long> usersEntitledBy(Plan plan) {
        return jdbc.sql("""
                SELECT user_id FROM subscriptions WHERE plan_id = :plan OR (:free AND status = 'restricted')
                ORDER BY user_id
                """).param("plan", plan.id()).param("free", plan.isFree()).query(Long.class).list();
    }

    /** @return the new subscription, or empty when the user already has one */
    Optional<Subscription> createFree(long userId, Plan free, BillingContact contact) {
        int inserted = jdbc.sql("""
                INSERT INTO subscriptions (user_id, plan_id, status, billing_email, billing_name, company_name)
                VALUES (:user, :plan, 'active', :email, :name, :company)
                ON CONFLICT (user_id) DO NOTHING
                """)
                .param("user", userId).param("plan", free.id()).param("email", contact.email())
                .param("name", contact.fullName()).param("company", contact.companyName())
                .update();
        return inserted == 1 ? byUser(userId) : Optional.empty();
    }

    public void save(Subscription s) {
        jdbc.sql("""
                UPDATE subscriptions SET plan_id = :plan, status = :status, billing_interval = :interval,
                    stripe_customer_id = :customer, stripe_subscription_id = :stripeSubscription,
                    current_period_start = :periodStart, current_period_end = :periodEnd,
                    cancel_at_period_end = :cancel, trial_end = :trialEnd, grace_until = :grace,
                    stripe_state_at = :stateAt, updated_at = now()
                WHERE id = :id
                """)
                .param("plan", s.plan().id()).param("status", s.status().value()).param("interval", s.billingInterval())
                .param("customer", s.stripeCustomerId()).param("stripeSubscription", s.stripeSubscriptionId())
                .param("periodStart", timestamp(s.currentPeriodStart())).param("periodEnd", timestamp(s.currentPeriodEnd()))
                .param("cancel", s.cancelAtPeriodEnd()).param("trialEnd", timestamp(s.trialEnd()))
                .param("grace", timestamp(s.graceUntil())).param("stateAt", timestamp(s.stripeStateAt()))
                .param("id", s.id())
                .update();
    }

    void delete(long userId) {
        jdbc.sql("DELETE FROM subscriptions WHERE user_id = :user").param("user", userId).update();
    }

    private Optional<Subscription> one(String sql, Object value) {
        return jdbc.sql(sql).param("v", value).query(this::map).optional();
    }

    private Subscription map(ResultSet rs, int row) throws SQLException {
        return new Subscription(rs.getLong("id"), rs.getLong("user_id"), plan(rs.getLong("plan_id")),
                SubscriptionStatus.of(rs.getString("status")), rs.getString("billing_interval"),
                rs.getString("stripe_customer_id"), rs.getString("stripe_subscription_id"),
                instant(rs, "current_period_start"), instant(rs, "current_period_end"),
                rs.getBoolean("cancel_at_period_end"), instant(rs, "trial_end"), instant(rs, "grace_until"),
                instant(rs, "stripe_state_at"),
                new BillingContact(rs.getString("billing_email"), rs.getString("billing_name"), rs.getString("company_name")));
    }

    private Plan plan(long id) {
        // plans are few; read fresh each time so an admin change applies at once
        return plans.byId(id);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
