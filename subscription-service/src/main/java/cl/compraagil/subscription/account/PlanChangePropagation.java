package cl.compraagil.subscription.account;

import cl.compraagil.subscription.plan.PlanCatalog;
import cl.compraagil.subscription.plan.PlanFeaturesChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When an admin changes a plan, every subscriber of it is told (subscription.changed) in the same transaction. */
@Component
class PlanChangePropagation {

    private final SubscriptionRepository subscriptions;
    private final SubscriptionChanges changes;
    private final PlanCatalog plans;

    PlanChangePropagation(SubscriptionRepository subscriptions, SubscriptionChanges changes, PlanCatalog plans) {
        this.subscriptions = subscriptions;
        this.changes = changes;
        this.plans = plans;
    }

    @EventListener
    void onPlanChanged(PlanFeaturesChanged event) {
        for (long userId : subscriptions.usersEntitledBy(plans.byId(event.planId()))) {
            subscriptions.byUser(userId).ifPresent(changes::announce);
        }
    }
}
