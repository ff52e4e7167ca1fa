package cl.compraagil.subscription.billing.webhook;

import cl.compraagil.subscription.account.SubscriptionStatus;

/**
 * Stripe subscription status to our entitlement status. {@code null} means "no paid entitlement": canceled and
 * incomplete_expired go back to free; incomplete (first payment pending) provisions nothing yet.
 */
final class StripeStatusMapping {

    private StripeStatusMapping() {
    }

    static SubscriptionStatus of(String stripeStatus) {
        if (stripeStatus == null) {
            return null;
        }
        return switch (stripeStatus) {
            case "active" -> SubscriptionStatus.ACTIVE;
            case "trialing" -> SubscriptionStatus.TRIALING;
            case "past_due" -> SubscriptionStatus.PAST_DUE;
            case "unpaid", "paused" -> SubscriptionStatus.RESTRICTED;
            default -> null;
        };
    }

    static boolean endsPaidAccess(String stripeStatus) {
        return "canceled".equals(stripeStatus) || "incomplete_expired".equals(stripeStatus);
    }
}
