package cl.compraagil.subscription.billing;

import cl.compraagil.problem.ApiProblem;
import cl.compraagil.subscription.account.Subscription;
import cl.compraagil.subscription.account.SubscriptionChanges;
import cl.compraagil.subscription.account.SubscriptionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels a paid subscription at the end of its period, or resumes it, at the provider first and then here
 * (the provider's own {@code customer.subscription.updated} webhook confirms it later).
 */
@Service
class RenewalControl {

    private final SubscriptionRepository subscriptions;
    private final SubscriptionChanges changes;
    private final BillingProvider provider;
    private final TransactionTemplate transactions;

    RenewalControl(SubscriptionRepository subscriptions, SubscriptionChanges changes, BillingProvider provider,
            TransactionTemplate transactions) {
        this.subscriptions = subscriptions;
        this.changes = changes;
        this.provider = provider;
        this.transactions = transactions;
    }

    BillingStatusView cancelAtPeriodEnd(long userId, boolean cancel) {
        Subscription current = paid(userId);
        if (current.cancelAtPeriodEnd() == cancel) {
            return BillingStatusView.of(current);
        }
        provider.setCancelAtPeriodEnd(current.stripeSubscriptionId(), cancel);
        return transactions.execute(status -> {
            Subscription locked = subscriptions.byUserForUpdate(userId).orElseThrow(() -> ApiProblem.notFound("La suscripción"));
            Subscription changed = locked.withCancelAtPeriodEnd(cancel);
            changes.save(changed);
            return BillingStatusView.of(changed);
        });
    }

    String portalUrl(long userId) {
        Subscription current = subscriptions.byUser(userId).orElseThrow(() -> ApiProblem.notFound("La suscripción"));
        if (current.stripeCustomerId() == null) {
            throw ApiProblem.conflict("no_billing_account",
                    "Aún no tienes datos de facturación; contrata un plan para acceder al portal.");
        }
        return provider.portalUrl(current.stripeCustomerId());
    }

    private Subscription paid(long userId) {
        Subscription current = subscriptions.byUser(userId).orElseThrow(() -> ApiProblem.notFound("La suscripción"));
        if (!current.isPaid() || current.stripeSubscriptionId() == null) {
            throw ApiProblem.conflict("no_paid_subscription", "No tienes una suscripción pagada que cancelar o reanudar.");
        }
        return current;
    }
}
