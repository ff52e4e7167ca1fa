package cl.compraagil.subscription.account;

import cl.compraagil.subscription.plan.Entitlements;
import java.time.Instant;
import java.util.Map;

/** A subscription as the account page (and an admin) sees it. */
public record CurrentSubscriptionView(String plan, String displayName, String status, String billingInterval,
        Integer price, String currency, Instant currentPeriodStart, Instant currentPeriodEnd, boolean cancelAtPeriodEnd,
        Instant trialEnd, Instant graceUntil, Map<String, Integer> limits, Map<String, Boolean> features) {

    public static CurrentSubscriptionView of(Subscription s, Entitlements effective) {
        Integer price = s.plan().price("yearly".equals(s.billingInterval()));
        return new CurrentSubscriptionView(s.plan().name(), s.plan().displayName(), s.status().value(),
                s.billingInterval(), price, "CLP", s.currentPeriodStart(), s.currentPeriodEnd(), s.cancelAtPeriodEnd(),
                s.trialEnd(), s.graceUntil(), effective.limits(), effective.features());
    }
}
