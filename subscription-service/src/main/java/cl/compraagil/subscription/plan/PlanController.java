package cl.compraagil.subscription.plan;

import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public plan catalogue and the admin edit of a plan's entitlements. */
@RestController
@RequestMapping("/api/v1/subscriptions/plans")
class PlanController {

    private final PlanCatalog catalog;
    private final PlanEditor editor;

    PlanController(PlanCatalog catalog, PlanEditor editor) {
        this.catalog = catalog;
        this.editor = editor;
    }

    @GetMapping
    @Operation(summary = "Planes disponibles con precios en CLP y límites (null = ilimitado)")
    List<PlanView> plans() {
        return catalog.active().stream().map(PlanView::of).toList();
    }

    @PutMapping("/{name}/features")
    @Operation(summary = "Cambia los límites y funciones de un plan (solo administradores, auditado)")
    PlanView changeFeatures(AuthenticatedUser caller, @PathVariable String name, @Valid @RequestBody PlanFeaturesUpdate update,
            HttpServletRequest request) {
        requireAdmin(caller);
        String ip = request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
        return PlanView.of(editor.change(name, update, caller.id(), ip));
    }

    @GetMapping("/{name}/feature-changes")
    @Operation(summary = "Historial de cambios de un plan (solo administradores)")
    List<PlanFeatureChange> changes(AuthenticatedUser caller, @PathVariable String name) {
        requireAdmin(caller);
        Plan plan = catalog.byName(name).orElseThrow(() -> ApiProblem.notFound("El plan"));
        return catalog.changes(plan.id());
    }

    private static void requireAdmin(AuthenticatedUser caller) {
        if (!caller.isAdmin() || caller.isApiKey()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Solo un administrador puede cambiar los planes.");
        }
    }
}
