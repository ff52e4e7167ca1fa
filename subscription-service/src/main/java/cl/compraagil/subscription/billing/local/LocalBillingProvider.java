package cl.compraagil.subscription.billing.local;

import cl.compraagil.subscription.billing.BillingProperties;
import cl.compraagil.subscription.billing.BillingProvider;
import cl.compraagil.subscription.billing.LocalBillingCondition;
import java.util.UUID;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Stands in for Stripe in local runs: checkout is a page served by this service (through the gateway) whose
 * "Pagar" button sends correctly signed Stripe-format events to the real webhook endpoint. Renewal changes
 * have no remote counterpart, so they only change local state.
 */
@Component
@Conditional(LocalBillingCondition.class)
class LocalBillingProvider implements BillingProvider {

    static final String CHECKOUT_PATH = "/api/v1/subscriptions/local-checkout/";
    static final String PORTAL_PATH = "/api/v1/subscriptions/local-portal/";

    private final BillingProperties properties;

    LocalBillingProvider(BillingProperties properties) {
        this.properties = properties;
    }

    @Override
    public CheckoutSession createCheckout(CheckoutRequest request) {
        String id = "cs_local_" + UUID.randomUUID().toString().replace("-", "");
        return new CheckoutSession(id, base() + CHECKOUT_PATH + id);
    }

    @Override
    public void setCancelAtPeriodEnd(String stripeSubscriptionId, boolean cancel) {
        // nothing remote to change: RenewalControl updates the local subscription
    }

    @Override
    public void cancelNow(String stripeSubscriptionId) {
        // nothing remote to stop locally
    }

    @Override
    public String portalUrl(String stripeCustomerId) {
        return base() + PORTAL_PATH + stripeCustomerId;
    }

    private String base() {
        String url = properties.gatewayUrl().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
