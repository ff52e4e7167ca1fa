package cl.compraagil.ml.profile;

import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ml/profile")
class ProfileController {

    private final CompanyProfiles profiles;

    ProfileController(CompanyProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping
    CompanyProfile get(AuthenticatedUser user) {
        return profiles.find(user.id()).orElseThrow(() -> ApiProblem.notFound("El perfil de empresa"));
    }

    @PutMapping
    @Operation(summary = "Guarda el perfil de la empresa al que se ajustan los análisis")
    CompanyProfile put(AuthenticatedUser user, @Valid @RequestBody CompanyProfile profile) {
        return profiles.save(user.id(), profile);
    }
}
