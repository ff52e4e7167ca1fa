package cl.compraagil.subscription.admin;

import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Admin support view of any user's billing. Needs a user token with the admin role; every read is audited. */
@RestController
class AdminBillingController {

    private final UserBillingLookup lookup;

    AdminBillingController(UserBillingLookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping("/api/v1/subscriptions/admin/users/{userId}")
    @Operation(summary = "Suscripción, uso y pagos de un usuario (solo administradores, auditado)")
    UserBillingView user(AuthenticatedUser caller, @PathVariable long userId, HttpServletRequest request) {
        if (!caller.isAdmin() || caller.isApiKey()) {
            throw ApiProblem.forbidden("forbidden", "Solo un administrador puede ver la facturación de otro usuario.");
        }
        String ip = request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
        return lookup.view(userId, caller.id(), ip);
    }
}
