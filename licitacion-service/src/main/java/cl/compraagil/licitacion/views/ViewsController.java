package cl.compraagil.licitacion.views;

import cl.compraagil.licitacion.search.SearchPage;
import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Ready-made views of open opportunities, each item with the caller's compatibility. */
@RestController
@RequestMapping("/api/v1/licitaciones/views")
class ViewsController {

    private final OpportunityViews views;

    ViewsController(OpportunityViews views) {
        this.views = views;
    }

    @GetMapping("/oportunidades")
    @Operation(summary = "Oportunidades abiertas ordenadas por compatibilidad con mi perfil")
    SearchPage oportunidades(AuthenticatedUser user,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "Mínimo 1.") @Max(value = 100, message = "Máximo 100.") int limit) {
        return views.oportunidades(user, limit);
    }

    @GetMapping("/recomendadas")
    @Operation(summary = "Oportunidades muy compatibles que aún no guardo y con tiempo para cotizar")
    SearchPage recomendadas(AuthenticatedUser user,
            @RequestParam(defaultValue = "5") @Min(value = 1, message = "Mínimo 1.") @Max(value = 50, message = "Máximo 50.") int limit) {
        return views.recomendadas(user, limit);
    }

    @GetMapping("/urgentes")
    @Operation(summary = "Oportunidades abiertas que cierran dentro de N días")
    SearchPage urgentes(AuthenticatedUser user,
            @RequestParam(defaultValue = "3") @Min(value = 1, message = "Mínimo 1 día.") @Max(value = 30, message = "Máximo 30 días.") int dias,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "Mínimo 1.") @Max(value = 100, message = "Máximo 100.") int limit) {
        return views.urgentes(user, dias, limit);
    }

    @GetMapping("/por-monto")
    @Operation(summary = "Oportunidades abiertas dentro de un rango de montos (CLP)")
    SearchPage porMonto(AuthenticatedUser user,
            @RequestParam(required = false) @PositiveOrZero(message = "No puede ser negativo.") Long min,
            @RequestParam(required = false) @PositiveOrZero(message = "No puede ser negativo.") Long max,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "Mínimo 1.") @Max(value = 100, message = "Máximo 100.") int limit) {
        if (min == null && max == null) {
            throw ApiProblem.badRequest("missing_parameter", "Indica al menos un monto mínimo (min) o máximo (max).");
        }
        if (min != null && max != null && min > max) {
            throw ApiProblem.badRequest("invalid_range", "El monto mínimo no puede ser mayor que el máximo.");
        }
        return views.porMonto(user, min, max, limit);
    }
}
