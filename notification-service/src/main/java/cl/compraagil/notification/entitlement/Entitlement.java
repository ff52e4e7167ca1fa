package cl.compraagil.notification.entitlement;

/** What a user's plan allows in this service. A null {@code alertRulesLimit} means unlimited. */
public record Entitlement(String plan, String status, Integer alertRulesLimit, boolean customerWebhooks) {

    /** Until subscription-service says otherwise a user is on the free plan: no alert rules, no webhooks. */
    public static final Entitlement FREE = new Entitlement("free", "active", 0, false);

    public boolean allowsAnotherRule(long existingRules) {
        return alertRulesLimit == null || existingRules < alertRulesLimit;
    }
}
