package cl.compraagil.subscription.billing.stripe;

import cl.compraagil.subscription.billing.BillingProvider.CheckoutRequest;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;

/**
 * Builds a Checkout Session in mode subscription: a configured Stripe price id when the plan has one,
 * otherwise an inline price in CLP, a zero-decimal currency (9990 means $9.990).
 */
final class CheckoutParams {

    private CheckoutParams() {
    }

    static SessionCreateParams of(CheckoutRequest request) {
        String userId = Long.toString(request.userId());
        SessionCreateParams.Builder builder = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setClientReferenceId(userId)
                .setSuccessUrl(request.successUrl())
                .setCancelUrl(request.cancelUrl())
                .setExpiresAt(request.expiresAt().getEpochSecond())
                .setLocale(SessionCreateParams.Locale.ES_419)
                .putMetadata("user_id", userId)
                .putMetadata("plan", request.plan().name())
                .putMetadata("interval", request.interval().value())
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata("user_id", userId)
                        .putMetadata("plan", request.plan().name())
                        .putMetadata("interval", request.interval().value())
                        .build())
                .addLineItem(lineItem(request));
        if (request.stripeCustomerId() != null) {
            builder.setCustomer(request.stripeCustomerId());
        } else if (request.email() != null) {
            builder.setCustomerEmail(request.email());
        }
        return builder.build();
    }

    private static LineItem lineItem(CheckoutRequest request) {
        String priceId = request.plan().stripePriceId(request.interval().yearly());
        if (priceId != null) {
            return LineItem.builder().setPrice(priceId).setQuantity(1L).build();
        }
        return LineItem.builder().setQuantity(1L).setPriceData(PriceData.builder()
                .setCurrency("clp")
                .setUnitAmount((long) request.amount())
                .setRecurring(PriceData.Recurring.builder()
                        .setInterval(request.interval().yearly() ? PriceData.Recurring.Interval.YEAR
                                : PriceData.Recurring.Interval.MONTH)
                        .build())
                .setProductData(PriceData.ProductData.builder()
                        .setName("Compra Ágil " + request.plan().displayName())
                        .putMetadata("plan", request.plan().name())
                        .build())
                .build()).build();
    }
}
