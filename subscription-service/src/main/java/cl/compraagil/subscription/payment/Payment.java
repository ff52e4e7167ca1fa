package cl.compraagil.subscription.payment;

import java.time.Instant;

/** One invoice's payment as the user's history shows it. Amounts in CLP (zero-decimal). */
public record Payment(long id, long amount, String currency, String status, String planName, String stripeInvoiceId,
        String description, Instant createdAt, Instant updatedAt) {
}
