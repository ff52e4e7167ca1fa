package cl.compraagil.subscription.admin;

import cl.compraagil.subscription.account.CurrentSubscriptionView;
import cl.compraagil.subscription.payment.Payment;
import cl.compraagil.subscription.usage.UsageView;
import java.util.List;

/**
 * What an admin sees of one user's billing: the subscription (null when the user has only anonymous history),
 * its Stripe ids for support, today's and this month's usage against the limits, and the latest payments.
 */
record UserBillingView(long userId, CurrentSubscriptionView subscription, String stripeCustomerId,
        String stripeSubscriptionId, UsageView usage, List<Payment> payments) {
}
