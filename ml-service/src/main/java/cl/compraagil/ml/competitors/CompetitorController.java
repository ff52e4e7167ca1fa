package cl.compraagil.ml.competitors;

import cl.compraagil.ml.entitlements.Entitlements;
import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ml")
class CompetitorController {

    static final String FEATURE = "competitor_analysis";

    private final CompetitorAnalysis analysis;
    private final Entitlements entitlements;

    CompetitorController(CompetitorAnalysis analysis, Entitlements entitlements) {
        this.analysis = analysis;
        this.entitlements = entitlements;
    }

    @GetMapping("/competitors")
    @Operation(summary = "Competidores por producto, organismo o región: ofertas, adjudicaciones y precios típicos")
    CompetitorReport competitors(AuthenticatedUser user, @Valid @ModelAttribute CompetitorQuery query) {
        if (!user.isAdmin() && !entitlements.allows(user.id(), FEATURE)) {
            throw ApiProblem.forbidden("feature_not_in_plan",
                            "El análisis de competidores no está incluido en tu plan. Mejora tu plan para usarlo.")
                    .with("current_plan", entitlements.plan(user.id()).map(Entitlements.Plan::plan).orElse("free"))
                    .with("upgrade_url", "/api/v1/subscriptions/plans");
        }
        return analysis.analyse(query);
    }
}
