package cl.compraagil.subscription.admin;

import cl.compraagil.problem.ApiProblem;
import cl.compraagil.subscription.account.CurrentSubscriptionView;
import cl.compraagil.subscription.account.EntitlementPolicy;
import cl.compraagil.subscription.account.Subscription;
import cl.compraagil.subscription.account.SubscriptionRepository;
import cl.compraagil.subscription.audit.AdminAudit;
import cl.compraagil.subscription.payment.Payment;
import cl.compraagil.subscription.payment.PaymentRepository;
import cl.compraagil.subscription.usage.UsageReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads one user's subscription, usage and payments for an admin, and audits that the admin looked. */
@Service
class UserBillingLookup {

    static final int PAYMENTS_SHOWN = 50;

    private final SubscriptionRepository subscriptions;
    private final EntitlementPolicy policy;
    private final UsageReport usage;
    private final PaymentRepository payments;
    private final AdminAudit audit;

    UserBillingLookup(SubscriptionRepository subscriptions, EntitlementPolicy policy, UsageReport usage,
            PaymentRepository payments, AdminAudit audit) {
        this.subscriptions = subscriptions;
        this.policy = policy;
        this.usage = usage;
        this.payments = payments;
        this.audit = audit;
    }

    /** A user this service has never heard of (or whose account was deleted) is 404, and nothing is audited. */
    @Transactional
    UserBillingView view(long userId, long adminId, String ip) {
        Subscription subscription = subscriptions.byUser(userId).orElse(null);
        List<Payment> history = payments.byUser(userId, PAYMENTS_SHOWN, 0);
        if (subscription == null && history.isEmpty()) {
            throw ApiProblem.notFound("El usuario");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("plan", subscription == null ? null : subscription.plan().name());
        details.put("status", subscription == null ? null : subscription.status().value());
        audit.record("subscription_viewed", adminId, userId, ip, details);
        return new UserBillingView(userId,
                subscription == null ? null : CurrentSubscriptionView.of(subscription, policy.effective(subscription)),
                subscription == null ? null : subscription.stripeCustomerId(),
                subscription == null ? null : subscription.stripeSubscriptionId(),
                usage.of(userId), history);
    }
}
