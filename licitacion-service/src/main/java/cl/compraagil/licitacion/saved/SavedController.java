package cl.compraagil.licitacion.saved;

import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's saved licitaciones ("favoritos"); another user's are never visible (404). */
@RestController
@RequestMapping("/api/v1/licitaciones/saved")
class SavedController {

    private final SavedLicitaciones saved;

    SavedController(SavedLicitaciones saved) {
        this.saved = saved;
    }

    @GetMapping
    @Operation(summary = "Mis licitaciones guardadas, las más recientes primero")
    SavedPage list(AuthenticatedUser user,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "Mínimo 1.") @Max(value = 100, message = "Máximo 100.") int limit,
            @RequestParam(required = false) @Size(max = 200, message = "Cursor inválido.") String cursor) {
        return saved.page(user.id(), limit, cursor);
    }

    @PostMapping
    @Operation(summary = "Guarda una licitación con una nota (limitado por el plan)")
    ResponseEntity<SavedLicitacion> save(AuthenticatedUser user, @Valid @RequestBody SaveRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(saved.save(user.id(), request.codigo(), request.nota()));
    }

    @PatchMapping("/{codigo}")
    SavedLicitacion annotate(AuthenticatedUser user,
            @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{3,40}", message = "Código inválido.") String codigo,
            @Valid @RequestBody NoteRequest request) {
        return saved.annotate(user.id(), codigo, request.nota());
    }

    @DeleteMapping("/{codigo}")
    ResponseEntity<Void> unsave(AuthenticatedUser user,
            @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{3,40}", message = "Código inválido.") String codigo) {
        saved.unsave(user.id(), codigo);
        return ResponseEntity.noContent().build();
    }
}
