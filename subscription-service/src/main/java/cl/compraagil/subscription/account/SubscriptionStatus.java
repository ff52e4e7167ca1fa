package cl.compraagil.subscription.account;

/**
 * The entitlement state of a subscription. Stripe's billing states map onto these: {@code canceled} and
 * {@code incomplete_expired} send the user back to the free plan, {@code unpaid} restricts at once.
 */
public enum SubscriptionStatus {
    ACTIVE, TRIALING, PAST_DUE, RESTRICTED;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static SubscriptionStatus of(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
