package cl.compraagil.subscription.billing;

import cl.compraagil.subscription.account.Subscription;
import java.time.Instant;

/** The subscription's billing state after a cancel or resume. */
record BillingStatusView(String plan, String status, boolean cancelAtPeriodEnd, Instant currentPeriodEnd) {

    static BillingStatusView of(Subscription s) {
        return new BillingStatusView(s.plan().name(), s.status().value(), s.cancelAtPeriodEnd(), s.currentPeriodEnd());
    }
}
