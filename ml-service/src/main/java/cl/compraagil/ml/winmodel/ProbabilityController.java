package cl.compraagil.ml.winmodel;

import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ml")
class ProbabilityController {

    private final WinProbabilityService service;
    private final ModelRegistry registry;
    private final ModelLifecycle lifecycle;

    ProbabilityController(WinProbabilityService service, ModelRegistry registry, ModelLifecycle lifecycle) {
        this.service = service;
        this.registry = registry;
        this.lifecycle = lifecycle;
    }

    @PostMapping("/predict/probability")
    @Operation(summary = "Probabilidad de ganar una cotización con un precio dado, y sus razones principales")
    ProbabilityAnswer predict(AuthenticatedUser user, @RequestHeader("Authorization") String bearer,
            @Valid @RequestBody ProbabilityRequest request) {
        return service.predict(request, bearer);
    }

    @GetMapping("/models")
    @Operation(summary = "Versiones del modelo: ventana de entrenamiento, tamaños y métricas en datos reservados")
    List<ModelVersionView> models(AuthenticatedUser user) {
        return registry.list();
    }

    @PostMapping("/models/train")
    @Operation(summary = "Reentrena el modelo ahora (solo administradores)")
    Map<String, String> train(AuthenticatedUser user) {
        if (!user.isAdmin()) {
            throw ApiProblem.forbidden("forbidden", "Solo un administrador puede reentrenar el modelo.");
        }
        return lifecycle.trainNow().map(version -> Map.of("version", version))
                .orElseThrow(() -> ApiProblem.conflict("training_not_possible",
                        "No se pudo entrenar: el historial es insuficiente o ya hay un entrenamiento en curso."));
    }
}
