package cl.compraagil.licitacion.profile;

import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's company profile (their organization's when they act inside one). */
@RestController
@RequestMapping("/api/v1/licitaciones/profile")
class ProfileController {

    private final ProfileStore store;

    ProfileController(ProfileStore store) {
        this.store = store;
    }

    @GetMapping
    @Operation(summary = "Perfil de empresa usado para calcular la compatibilidad")
    CompanyProfile get(AuthenticatedUser user) {
        return store.find(ProfileOwner.of(user)).orElseThrow(() -> ApiProblem.notFound("El perfil de empresa"));
    }

    @PutMapping
    @Operation(summary = "Crea o reemplaza el perfil de empresa")
    ResponseEntity<CompanyProfile> put(AuthenticatedUser user, @Valid @RequestBody ProfileRequest request) {
        ProfileOwner owner = ProfileOwner.editableBy(user);
        boolean created = store.save(request.toProfile(owner));
        CompanyProfile saved = store.find(owner).orElseThrow();
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(saved);
    }

    @DeleteMapping
    ResponseEntity<Void> delete(AuthenticatedUser user) {
        if (!store.delete(ProfileOwner.editableBy(user))) {
            throw ApiProblem.notFound("El perfil de empresa");
        }
        return ResponseEntity.noContent().build();
    }
}
