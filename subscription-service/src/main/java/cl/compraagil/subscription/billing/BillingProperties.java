package cl.compraagil.subscription.billing;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Billing configuration, all from environment variables. Without {@code STRIPE_SECRET_KEY} the local checkout
 * page stands in for Stripe; with it, {@code STRIPE_WEBHOOK_SECRET} is required (no production default).
 */
@ConfigurationProperties("billing")
public record BillingProperties(
        @DefaultValue Stripe stripe,
        @DefaultValue Checkout checkout,
        @DefaultValue Dunning dunning,
        @DefaultValue("http://localhost:8080") URI gatewayUrl) {

    /** Only the local adapter may fall back to this secret; it signs the events of the local checkout page. */
    public static final String LOCAL_WEBHOOK_SECRET = "whsec_local_development_only";

    public boolean local() {
        return stripe.secretKey() == null || stripe.secretKey().isBlank();
    }

    public String webhookSecret() {
        if (stripe.webhookSecret() != null && !stripe.webhookSecret().isBlank()) {
            return stripe.webhookSecret();
        }
        if (local()) {
            return LOCAL_WEBHOOK_SECRET;
        }
        throw new IllegalStateException("STRIPE_WEBHOOK_SECRET must be set when STRIPE_SECRET_KEY is");
    }

    public record Stripe(
            String secretKey,
            String webhookSecret,
            String apiBase,
            @DefaultValue("3s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("2") int maxNetworkRetries,
            @DefaultValue("300s") Duration webhookTolerance) {
    }

    public record Checkout(
            @DefaultValue("http://localhost:8080/billing/success?session_id={CHECKOUT_SESSION_ID}") String successUrl,
            @DefaultValue("http://localhost:8080/pricing") String cancelUrl,
            @DefaultValue("http://localhost:8080/account") String portalReturnUrl,
            @DefaultValue("1h") Duration sessionTtl) {
    }

    public record Dunning(
            @DefaultValue("3d") Duration gracePeriod,
            @DefaultValue("60s") Duration checkInterval) {
    }
}
