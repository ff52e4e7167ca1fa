package cl.compraagil.subscription.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** An admin's new entitlements for a plan: the whole document (every limit and feature) and why. */
record PlanFeaturesUpdate(
        @NotNull Map<String, @PositiveOrZero Integer> limits,
        @NotNull Map<String, @NotNull Boolean> features,
        @NotBlank @Size(max = 500) String reason) {
}
