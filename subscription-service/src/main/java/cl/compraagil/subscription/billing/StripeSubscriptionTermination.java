package cl.compraagil.subscription.billing;

import cl.compraagil.subscription.account.UserDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Once a deleted user's data is gone, their running Stripe subscription is stopped so they are not charged again. */
@Component
class StripeSubscriptionTermination {

    private static final Logger log = LoggerFactory.getLogger(StripeSubscriptionTermination.class);

    private final BillingProvider provider;

    StripeSubscriptionTermination(BillingProvider provider) {
        this.provider = provider;
    }

    @TransactionalEventListener
    void onUserDeleted(UserDeleted event) {
        if (event.stripeSubscriptionId() == null) {
            return;
        }
        try {
            provider.cancelNow(event.stripeSubscriptionId());
        } catch (RuntimeException e) {
            log.error("Could not cancel Stripe subscription {} of deleted user {}; cancel it in the Stripe dashboard",
                    event.stripeSubscriptionId(), event.userId(), e);
        }
    }
}
