package cl.compraagil.subscription.billing.webhook;

import cl.compraagil.subscription.account.Subscription;
import cl.compraagil.subscription.account.SubscriptionChanges;
import cl.compraagil.subscription.account.SubscriptionRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds (and locks) the local subscription a Stripe object belongs to, and saves what an event changed. */
@Component
class SubscriptionLocator {

    private final SubscriptionRepository subscriptions;
    private final SubscriptionChanges changes;

    SubscriptionLocator(SubscriptionRepository subscriptions, SubscriptionChanges changes) {
        this.subscriptions = subscriptions;
        this.changes = changes;
    }

    Optional<Subscription> byUser(long userId) {
        return subscriptions.byUserForUpdate(userId);
    }

    /** By Stripe subscription id first, then the user named in its metadata, then the Stripe customer. */
    Optional<Subscription> forStripeSubscription(String stripeSubscriptionId, String customerId, Long userId) {
        Optional<Subscription> found = stripeSubscriptionId == null ? Optional.empty()
                : subscriptions.byStripeSubscriptionForUpdate(stripeSubscriptionId);
        if (found.isEmpty() && userId != null) {
            found = subscriptions.byUserForUpdate(userId);
        }
        if (found.isEmpty() && customerId != null) {
            found = subscriptions.byStripeCustomerForUpdate(customerId);
        }
        return found;
    }

    /** Events are ordered by their creation time; one created in the same second as the last applied still applies. */
    boolean isNewer(Subscription current, StripeEvent event) {
        return current.stripeStateAt() == null || !event.created().isBefore(current.stripeStateAt());
    }

    /** Saves the new state; announces subscription.changed only when more than the ordering mark changed. */
    void apply(Subscription before, Subscription after) {
        if (after.equals(before)) {
            return;
        }
        if (after.withStripeStateAt(before.stripeStateAt()).equals(before)) {
            subscriptions.save(after);
        } else {
            changes.save(after);
        }
    }
}
