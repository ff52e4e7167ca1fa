package cl.compraagil.subscription.billing;

import cl.compraagil.events.OutboxWriter;
import cl.compraagil.subscription.account.Subscription;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Billing events notification-service turns into emails: payment.failed/succeeded, subscription.trial_will_end and
 * subscription.restricted, all with the same user and plan fields.
 */
@Component
public class BillingNotifications {

    private final OutboxWriter outbox;

    BillingNotifications(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public void paymentSucceeded(Subscription s, long amount, String currency, String invoiceId) {
        Map<String, Object> data = base(s);
        data.put("amount", amount);
        data.put("currency", currency);
        data.put("invoice_id", invoiceId);
        data.put("current_period_end", s.currentPeriodEnd());
        outbox.append("payment.succeeded", Long.toString(s.userId()), data);
    }

    public void paymentFailed(Subscription s, long amount, String currency, String invoiceId, Instant graceUntil, int attempt) {
        Map<String, Object> data = base(s);
        data.put("amount", amount);
        data.put("currency", currency);
        data.put("invoice_id", invoiceId);
        data.put("grace_until", graceUntil);
        data.put("attempt_count", attempt);
        outbox.append("payment.failed", Long.toString(s.userId()), data);
    }

    public void trialWillEnd(Subscription s, Instant trialEnd) {
        Map<String, Object> data = base(s);
        data.put("trial_end", trialEnd);
        outbox.append("subscription.trial_will_end", Long.toString(s.userId()), data);
    }

    public void restricted(Subscription s, Instant restrictedAt) {
        Map<String, Object> data = base(s);
        data.put("grace_until", s.graceUntil());
        data.put("restricted_at", restrictedAt);
        outbox.append("subscription.restricted", Long.toString(s.userId()), data);
    }

    private static Map<String, Object> base(Subscription s) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", s.userId());
        data.put("plan", s.plan().name());
        data.put("plan_display_name", s.plan().displayName());
        data.put("email", s.contact().email());
        data.put("full_name", s.contact().fullName());
        return data;
    }
}
