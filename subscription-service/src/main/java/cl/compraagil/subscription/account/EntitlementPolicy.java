package cl.compraagil.subscription.account;

import cl.compraagil.subscription.plan.Entitlements;
import cl.compraagil.subscription.plan.Plan;
import cl.compraagil.subscription.plan.PlanCatalog;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Decides a user's effective entitlements: their plan's, or the free plan's while restricted or without a row. */
@Component
public class EntitlementPolicy {

    private final PlanCatalog plans;
    private final Clock clock;

    public EntitlementPolicy(PlanCatalog plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    public Entitlements effective(Subscription subscription) {
        return subscription.restricted() ? plans.free().entitlements() : subscription.plan().entitlements();
    }

    public EntitlementsView view(Subscription subscription) {
        Entitlements entitlements = effective(subscription);
        return new EntitlementsView(subscription.userId(), subscription.plan().name(), subscription.status().value(),
                entitlements.limits(), entitlements.features(), subscription.currentPeriodEnd(), clock.instant());
    }

    /** A user whose subscription is not created yet (registration event still in flight) has the free plan. */
    public EntitlementsView freeFor(long userId) {
        Plan free = plans.free();
        return new EntitlementsView(userId, free.name(), SubscriptionStatus.ACTIVE.value(),
                free.entitlements().limits(), free.entitlements().features(), null, clock.instant());
    }
}
