package cl.compraagil.subscription.billing;

import cl.compraagil.subscription.plan.Plan;
import java.time.Instant;

/**
 * The one door to the payment provider: Stripe when {@code STRIPE_SECRET_KEY} is set, otherwise the local
 * checkout page. Failures of the provider leave as a 503 problem ({@code billing_unavailable}).
 */
public interface BillingProvider {

    CheckoutSession createCheckout(CheckoutRequest request);

    void setCancelAtPeriodEnd(String stripeSubscriptionId, boolean cancel);

    /** Ends a Stripe subscription now (used when the user deletes their account). */
    void cancelNow(String stripeSubscriptionId);

    /** @return the URL of a billing-portal session for the customer */
    String portalUrl(String stripeCustomerId);

    record CheckoutRequest(long userId, String email, String stripeCustomerId, Plan plan, BillingInterval interval,
            int amount, String idempotencyKey, String successUrl, String cancelUrl, Instant expiresAt) {
    }

    record CheckoutSession(String id, String url) {
    }
}
