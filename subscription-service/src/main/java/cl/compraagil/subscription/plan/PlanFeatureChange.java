package cl.compraagil.subscription.plan;

import java.time.Instant;

/** One audited edit of a plan's entitlements. */
record PlanFeatureChange(long changedBy, String reason, Entitlements previous, Entitlements next, Instant changedAt) {
}
