package cl.compraagil.subscription.payment;

/** What a Stripe invoice event says about a payment. {@code status} is succeeded or failed. */
public record InvoiceOutcome(Long userId, Long subscriptionId, long amount, String currency, String status,
        String planName, String stripeInvoiceId, String paymentIntentId, String description) {
}
