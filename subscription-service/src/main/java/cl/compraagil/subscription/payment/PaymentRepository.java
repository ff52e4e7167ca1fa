package cl.compraagil.subscription.payment;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payments table: one row per Stripe invoice, holding its latest outcome. */
@Repository
public class PaymentRepository {

    private final JdbcClient jdbc;

    public PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an invoice outcome. A succeeded invoice never goes back to failed, whatever order Stripe's
     * events arrive in.
     */
    public void recordInvoice(InvoiceOutcome outcome) {
        jdbc.sql("""
                INSERT INTO payments (user_id, subscription_id, amount, currency, status, plan_name, stripe_invoice_id,
                                      stripe_payment_intent_id, payment_method, description)
                VALUES (:user, :subscription, :amount, :currency, :status, :plan, :invoice, :intent, 'card', :description)
                ON CONFLICT (stripe_invoice_id) DO UPDATE SET
                    status = CASE WHEN payments.status = 'succeeded' THEN payments.status ELSE EXCLUDED.status END,
                    amount = EXCLUDED.amount,
                    stripe_payment_intent_id = COALESCE(EXCLUDED.stripe_payment_intent_id, payments.stripe_payment_intent_id),
                    updated_at = now()
                """)
                .param("user", outcome.userId()).param("subscription", outcome.subscriptionId())
                .param("amount", outcome.amount()).param("currency", outcome.currency().toUpperCase(java.util.Locale.ROOT))
                .param("status", outcome.status()).param("plan", outcome.planName())
                .param("invoice", outcome.stripeInvoiceId()).param("intent", outcome.paymentIntentId())
                .param("description", outcome.description())
                .update();
    }

    public List<Payment> byUser(long userId, int limit, int offset) {
        return jdbc.sql("""
                SELECT id, amount, currency, status, plan_name, stripe_invoice_id, description, created_at, updated_at
                FROM payments WHERE user_id = :user ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset
                """)
                .param("user", userId).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Payment(rs.getLong("id"), rs.getLong("amount"), rs.getString("currency"),
                        rs.getString("status"), rs.getString("plan_name"), rs.getString("stripe_invoice_id"),
                        rs.getString("description"), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("updated_at"))))
                .list();
    }

    /** Payments are kept for accounting after the user is deleted, with nothing pointing at them. */
    void anonymise(long userId) {
        jdbc.sql("UPDATE payments SET user_id = NULL, description = NULL WHERE user_id = :user").param("user", userId).update();
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
