package cl.compraagil.subscription.account;

/**
 * Published inside the transaction that removes a deleted user's subscription, so other features remove or
 * anonymise their rows in it, and billing can stop a still-running Stripe subscription once it commits.
 */
public record UserDeleted(long userId, String stripeSubscriptionId) {
}
