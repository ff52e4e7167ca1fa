package cl.compraagil.subscription.account;

import cl.compraagil.events.OutboxWriter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Saves a changed subscription and writes {@code subscription.changed} in the same transaction. */
@Component
public class SubscriptionChanges {

    public static final String SUBSCRIPTION_CHANGED = "subscription.changed";

    private final SubscriptionRepository subscriptions;
    private final EntitlementPolicy policy;
    private final OutboxWriter outbox;

    public SubscriptionChanges(SubscriptionRepository subscriptions, EntitlementPolicy policy, OutboxWriter outbox) {
        this.subscriptions = subscriptions;
        this.policy = policy;
        this.outbox = outbox;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void save(Subscription subscription) {
        subscriptions.save(subscription);
        announce(subscription);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void announce(Subscription subscription) {
        outbox.append(SUBSCRIPTION_CHANGED, Long.toString(subscription.userId()), policy.view(subscription));
    }
}
