package cl.compraagil.subscription.plan;

/** A plan of the catalogue with its CLP prices (zero-decimal) and entitlements. */
public record Plan(
        long id,
        String name,
        String displayName,
        int priceMonthly,
        Integer priceYearly,
        String stripePriceIdMonthly,
        String stripePriceIdYearly,
        Entitlements entitlements,
        int sortOrder,
        boolean active) {

    public static final String FREE = "free";

    public boolean isFree() {
        return FREE.equals(name);
    }

    /** @return the price in CLP for the interval, or {@code null} when the plan is not sold that way */
    public Integer price(boolean yearly) {
        return yearly ? priceYearly : Integer.valueOf(priceMonthly);
    }

    public String stripePriceId(boolean yearly) {
        return yearly ? stripePriceIdYearly : stripePriceIdMonthly;
    }
}
