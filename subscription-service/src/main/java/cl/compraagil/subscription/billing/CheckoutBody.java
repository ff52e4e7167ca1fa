package cl.compraagil.subscription.billing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The plan to buy and how often to pay it. */
record CheckoutBody(
        @NotBlank @Pattern(regexp = "[a-z_]{1,50}", message = "debe ser el nombre de un plan") String plan,
        @NotBlank @Pattern(regexp = "monthly|yearly", message = "debe ser monthly o yearly") String interval) {
}
