package cl.compraagil.subscription.account;

import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own subscription and entitlements; no endpoint takes another user's id. */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

    private final SubscriptionRepository subscriptions;
    private final EntitlementPolicy policy;

    SubscriptionController(SubscriptionRepository subscriptions, EntitlementPolicy policy) {
        this.subscriptions = subscriptions;
        this.policy = policy;
    }

    @GetMapping("/current")
    @Operation(summary = "Suscripción actual del usuario: plan, estado, período y límites")
    CurrentSubscriptionView current(AuthenticatedUser caller) {
        Subscription subscription = subscriptions.byUser(caller.id())
                .orElseThrow(() -> ApiProblem.notFound("La suscripción"));
        return CurrentSubscriptionView.of(subscription, policy.effective(subscription));
    }

    @GetMapping("/entitlements")
    @Operation(summary = "Lo que el usuario puede hacer ahora (null = ilimitado)")
    EntitlementsView entitlements(AuthenticatedUser caller) {
        return subscriptions.byUser(caller.id()).map(policy::view).orElseGet(() -> policy.freeFor(caller.id()));
    }
}
