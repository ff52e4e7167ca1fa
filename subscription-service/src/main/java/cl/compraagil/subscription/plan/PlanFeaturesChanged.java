package cl.compraagil.subscription.plan;

/** Published inside the transaction that changed a plan's entitlements, so subscribers learn of it at once. */
public record PlanFeaturesChanged(long planId) {
}
