package cl.compraagil.subscription.account;

import cl.compraagil.subscription.plan.Plan;
import java.time.Instant;

/** A user's subscription: the plan they are entitled to and the Stripe state it follows. */
public record Subscription(
        long id,
        long userId,
        Plan plan,
        SubscriptionStatus status,
        String billingInterval,
        String stripeCustomerId,
        String stripeSubscriptionId,
        Instant currentPeriodStart,
        Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd,
        Instant trialEnd,
        Instant graceUntil,
        Instant stripeStateAt,
        BillingContact contact) {

    /** Restricted users keep their plan's name but only the free plan's limits until they pay. */
    public boolean restricted() {
        return status == SubscriptionStatus.RESTRICTED;
    }

    public boolean isPaid() {
        return !plan.isFree();
    }

    public Subscription withPlan(Plan newPlan, String interval) {
        return new Subscription(id, userId, newPlan, status, interval, stripeCustomerId, stripeSubscriptionId,
                currentPeriodStart, currentPeriodEnd, cancelAtPeriodEnd, trialEnd, graceUntil, stripeStateAt, contact);
    }

    public Subscription withStatus(SubscriptionStatus newStatus, Instant newGraceUntil) {
        return new Subscription(id, userId, plan, newStatus, billingInterval, stripeCustomerId, stripeSubscriptionId,
                currentPeriodStart, currentPeriodEnd, cancelAtPeriodEnd, trialEnd, newGraceUntil, stripeStateAt, contact);
    }

    public Subscription withStripe(String customerId, String subscriptionId) {
        return new Subscription(id, userId, plan, status, billingInterval, customerId, subscriptionId,
                currentPeriodStart, currentPeriodEnd, cancelAtPeriodEnd, trialEnd, graceUntil, stripeStateAt, contact);
    }

    public Subscription withPeriod(Instant start, Instant end, Instant newTrialEnd) {
        return new Subscription(id, userId, plan, status, billingInterval, stripeCustomerId, stripeSubscriptionId,
                start, end, cancelAtPeriodEnd, newTrialEnd, graceUntil, stripeStateAt, contact);
    }

    public Subscription withCancelAtPeriodEnd(boolean cancel) {
        return new Subscription(id, userId, plan, status, billingInterval, stripeCustomerId, stripeSubscriptionId,
                currentPeriodStart, currentPeriodEnd, cancel, trialEnd, graceUntil, stripeStateAt, contact);
    }

    public Subscription withStripeStateAt(Instant at) {
        return new Subscription(id, userId, plan, status, billingInterval, stripeCustomerId, stripeSubscriptionId,
                currentPeriodStart, currentPeriodEnd, cancelAtPeriodEnd, trialEnd, graceUntil, at, contact);
    }

    /** Back to the free plan, unlinked from Stripe billing (the customer id stays for the portal and history). */
    public Subscription backToFree(Plan free) {
        return new Subscription(id, userId, free, SubscriptionStatus.ACTIVE, null, stripeCustomerId, null,
                null, null, false, null, null, stripeStateAt, contact);
    }
}
