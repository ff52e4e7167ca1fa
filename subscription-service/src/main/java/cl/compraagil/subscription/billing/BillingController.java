package cl.compraagil.subscription.billing;

import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Paying for a plan and managing its renewal; every action is on the caller's own subscription. */
@RestController
@Validated
@RequestMapping("/api/v1/subscriptions")
class BillingController {

    private final CheckoutService checkout;
    private final RenewalControl renewal;

    BillingController(CheckoutService checkout, RenewalControl renewal) {
        this.checkout = checkout;
        this.renewal = renewal;
    }

    @PostMapping("/checkout")
    @Operation(summary = "Abre un checkout de Stripe (CLP) para un plan, mensual o anual; acepta Idempotency-Key")
    CheckoutView checkout(AuthenticatedUser caller, @Valid @RequestBody CheckoutBody body,
            @RequestHeader(name = "Idempotency-Key", required = false)
            @Pattern(regexp = "[A-Za-z0-9_\\-]{8,100}", message = "debe tener entre 8 y 100 letras, dígitos, - o _")
            String idempotencyKey) {
        requireUserToken(caller);
        return checkout.checkout(caller, body, idempotencyKey);
    }

    @PostMapping("/cancel")
    @Operation(summary = "Cancela la suscripción al final del período pagado")
    BillingStatusView cancel(AuthenticatedUser caller) {
        requireUserToken(caller);
        return renewal.cancelAtPeriodEnd(caller.id(), true);
    }

    @PostMapping("/resume")
    @Operation(summary = "Reanuda una suscripción cancelada que aún no termina su período")
    BillingStatusView resume(AuthenticatedUser caller) {
        requireUserToken(caller);
        return renewal.cancelAtPeriodEnd(caller.id(), false);
    }

    @PostMapping("/portal")
    @Operation(summary = "Abre una sesión del portal de facturación (medios de pago, boletas)")
    Map<String, String> portal(AuthenticatedUser caller) {
        requireUserToken(caller);
        return Map.of("url", renewal.portalUrl(caller.id()));
    }

    /** Billing is for the account holder in person: an API key never buys, cancels or opens the portal. */
    private static void requireUserToken(AuthenticatedUser caller) {
        if (caller.isApiKey()) {
            throw ApiProblem.forbidden("forbidden", "Las claves de API no pueden gestionar la facturación.");
        }
    }
}
