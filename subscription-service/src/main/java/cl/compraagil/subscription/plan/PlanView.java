package cl.compraagil.subscription.plan;

import java.util.Map;

/** A plan as the public pricing page shows it. Prices in CLP (zero-decimal); a null limit means unlimited. */
record PlanView(String name, String displayName, int priceMonthly, Integer priceYearly, String currency,
        Map<String, Integer> limits, Map<String, Boolean> features) {

    static PlanView of(Plan plan) {
        return new PlanView(plan.name(), plan.displayName(), plan.priceMonthly(), plan.priceYearly(), "CLP",
                plan.entitlements().limits(), plan.entitlements().features());
    }
}
