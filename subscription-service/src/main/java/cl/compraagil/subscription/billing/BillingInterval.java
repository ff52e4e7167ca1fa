package cl.compraagil.subscription.billing;

import java.util.Locale;

/** How often a paid plan is billed; {@code stripeInterval} is Stripe's recurring interval. */
public enum BillingInterval {
    MONTHLY("month"), YEARLY("year");

    private final String stripeInterval;

    BillingInterval(String stripeInterval) {
        this.stripeInterval = stripeInterval;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String stripeInterval() {
        return stripeInterval;
    }

    public boolean yearly() {
        return this == YEARLY;
    }

    public static BillingInterval of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Maps Stripe's {@code month}/{@code year} (or our own {@code monthly}/{@code yearly}); null if unknown. */
    public static BillingInterval fromAny(String value) {
        if (value == null) {
            return null;
        }
        for (BillingInterval interval : values()) {
            if (interval.value().equals(value) || interval.stripeInterval.equals(value)) {
                return interval;
            }
        }
        return null;
    }
}
