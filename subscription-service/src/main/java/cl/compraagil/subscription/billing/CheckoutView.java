package cl.compraagil.subscription.billing;

import java.time.Instant;

/** Where to send the user to pay. */
record CheckoutView(String sessionId, String url, String plan, String interval, int amount, String currency, Instant expiresAt) {
}
