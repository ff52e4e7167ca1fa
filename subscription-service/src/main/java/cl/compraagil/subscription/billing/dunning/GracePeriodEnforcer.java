package cl.compraagil.subscription.billing.dunning;

import cl.compraagil.subscription.account.Subscription;
import cl.compraagil.subscription.account.SubscriptionChanges;
import cl.compraagil.subscription.account.SubscriptionRepository;
import cl.compraagil.subscription.account.SubscriptionStatus;
import cl.compraagil.subscription.billing.BillingNotifications;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dunning's last step: a past_due subscription whose grace period ended is restricted to the free plan's
 * limits (subscription.changed) and the user is told (subscription.restricted). Safe on several replicas:
 * each row is locked and re-checked.
 */
@Component
public class GracePeriodEnforcer {

    private static final Logger log = LoggerFactory.getLogger(GracePeriodEnforcer.class);

    private final SubscriptionRepository subscriptions;
    private final SubscriptionChanges changes;
    private final BillingNotifications notifications;
    private final TransactionTemplate transactions;
    private final Clock clock;

    GracePeriodEnforcer(SubscriptionRepository subscriptions, SubscriptionChanges changes, BillingNotifications notifications,
            TransactionTemplate transactions, Clock clock) {
        this.subscriptions = subscriptions;
        this.changes = changes;
        this.notifications = notifications;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${billing.dunning.check-interval:60s}", initialDelayString = "${billing.dunning.check-interval:60s}")
    public void restrictExpired() {
        Instant now = clock.instant();
        int restricted = 0;
        for (long userId : subscriptions.pastDueBeyondGrace(now, 500)) {
            Boolean done = transactions.execute(status -> subscriptions.byUserForUpdate(userId)
                    .filter(s -> s.status() == SubscriptionStatus.PAST_DUE && s.graceUntil() != null && s.graceUntil().isBefore(now))
                    .map(this::restrict).orElse(false));
            restricted += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        if (restricted > 0) {
            log.info("Restricted {} subscriptions whose grace period ended", restricted);
        }
    }

    private boolean restrict(Subscription s) {
        Subscription next = s.withStatus(SubscriptionStatus.RESTRICTED, s.graceUntil());
        changes.save(next);
        notifications.restricted(s, clock.instant());
        return true;
    }
}
