package cl.compraagil.subscription.billing.stripe;

import cl.compraagil.problem.ApiProblem;
import cl.compraagil.subscription.billing.BillingProvider;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe through stripe-java's instance client: time-outs and safe network retries (stripe-java adds
 * idempotency keys to its retries) are set on the client, and a circuit breaker answers 503 at once while
 * Stripe is failing.
 */
public class StripeBillingProvider implements BillingProvider {

    private static final Logger log = LoggerFactory.getLogger(StripeBillingProvider.class);

    private final StripeClient stripe;
    private final CircuitBreaker breaker;
    private final String portalReturnUrl;

    public StripeBillingProvider(StripeClient stripe, CircuitBreaker breaker, String portalReturnUrl) {
        this.stripe = stripe;
        this.breaker = breaker;
        this.portalReturnUrl = portalReturnUrl;
    }

    @Override
    public CheckoutSession createCheckout(CheckoutRequest request) {
        SessionCreateParams params = CheckoutParams.of(request);
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build();
        var session = call(() -> stripe.v1().checkout().sessions().create(params, options));
        return new CheckoutSession(session.getId(), session.getUrl());
    }

    @Override
    public void setCancelAtPeriodEnd(String stripeSubscriptionId, boolean cancel) {
        SubscriptionUpdateParams params = SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(cancel).build();
        call(() -> stripe.v1().subscriptions().update(stripeSubscriptionId, params));
    }

    @Override
    public void cancelNow(String stripeSubscriptionId) {
        call(() -> stripe.v1().subscriptions().cancel(stripeSubscriptionId));
    }

    @Override
    public String portalUrl(String stripeCustomerId) {
        var params = com.stripe.param.billingportal.SessionCreateParams.builder()
                .setCustomer(stripeCustomerId).setReturnUrl(portalReturnUrl).build();
        return call(() -> stripe.v1().billingPortal().sessions().create(params)).getUrl();
    }

    private <T> T call(StripeCall<T> call) {
        try {
            return breaker.executeCheckedSupplier(call::run);
        } catch (CallNotPermittedException open) {
            throw unavailable();
        } catch (StripeException e) {
            log.warn("Stripe answered {} ({}): {}", e.getStatusCode(), e.getCode(), e.getMessage());
            throw unavailable();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a failure says Stripe is unhealthy (counts against the circuit), not that our request was wrong. */
    public static boolean isOutage(Throwable e) {
        return e instanceof ApiConnectionException || e instanceof RateLimitException
                || (e instanceof StripeException se && se.getStatusCode() != null && se.getStatusCode() >= 500);
    }

    private static ApiProblem unavailable() {
        return ApiProblem.unavailable("billing_unavailable",
                "El servicio de pagos no está disponible en este momento. Intenta nuevamente en unos minutos.")
                .withHeader("Retry-After", "30");
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T run() throws StripeException;
    }
}
