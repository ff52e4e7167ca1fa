package cl.compraagil.ml.analysis;

import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ml/analysis")
class AnalysisController {

    static final String CODIGO = "^[0-9A-Za-z]{1,10}-[0-9]{1,6}-[0-9A-Za-z]{2,6}$";
    private static final String CODIGO_MESSAGE = "El código de licitación no tiene un formato válido.";

    private final AnalysisService service;

    AnalysisController(AnalysisService service) {
        this.service = service;
    }

    record CompareRequest(@NotNull(message = "Indica la licitación A.") @Pattern(regexp = CODIGO, message = CODIGO_MESSAGE) String codigoA,
            @NotNull(message = "Indica la licitación B.") @Pattern(regexp = CODIGO, message = CODIGO_MESSAGE) String codigoB) {
    }

    record FeedbackRequest(@NotNull(message = "Indica si el análisis te sirvió (liked).") Boolean liked,
            @Size(max = 1000, message = "El comentario no puede superar 1000 caracteres.") String comment) {
    }

    @PostMapping("/{codigo}")
    @Operation(summary = "Lectura de la licitación con IA, fundada en casos históricos similares (RAG)")
    AnalysisView analyse(AuthenticatedUser user, @RequestHeader("Authorization") String bearer,
            @PathVariable @Pattern(regexp = CODIGO, message = CODIGO_MESSAGE) String codigo) {
        return service.run(user, bearer, AnalysisTask.ANALYSIS, codigo, null, null);
    }

    @PostMapping("/{codigo}/quoting-guide")
    @Operation(summary = "Guía para cotizar: documentos, estructura, errores a evitar y cronograma")
    AnalysisView guide(AuthenticatedUser user, @RequestHeader("Authorization") String bearer,
            @PathVariable @Pattern(regexp = CODIGO, message = CODIGO_MESSAGE) String codigo) {
        return service.run(user, bearer, AnalysisTask.GUIDE, codigo, null, null);
    }

    @PostMapping("/{codigo}/bid-draft")
    @Operation(summary = "Borrador de oferta en texto, Markdown (para PDF) o correo")
    AnalysisView draft(AuthenticatedUser user, @RequestHeader("Authorization") String bearer,
            @PathVariable @Pattern(regexp = CODIGO, message = CODIGO_MESSAGE) String codigo,
            @RequestParam(defaultValue = "texto") @Pattern(regexp = "texto|markdown|correo",
                    message = "El formato debe ser texto, markdown o correo.") String format) {
        return service.run(user, bearer, AnalysisTask.DRAFT, codigo, null, format);
    }

    @PostMapping("/compare")
    @Operation(summary = "Compara dos licitaciones y recomienda en cuál participar")
    AnalysisView compare(AuthenticatedUser user, @RequestHeader("Authorization") String bearer,
            @Valid @RequestBody CompareRequest request) {
        return service.run(user, bearer, AnalysisTask.COMPARISON, request.codigoA(), request.codigoB(), null);
    }

    @PostMapping("/{id:\\d+}/feedback")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Me gusta / no me gusta sobre un análisis, guardado para evaluación")
    void feedback(AuthenticatedUser user, @PathVariable long id, @Valid @RequestBody FeedbackRequest request) {
        if (!service.feedback(user, id, request.liked(), request.comment())) {
            throw ApiProblem.notFound("El análisis");
        }
    }
}
