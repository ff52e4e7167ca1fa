package cl.compraagil.auth.login;

import cl.compraagil.auth.token.TokenResponse;
import cl.compraagil.auth.web.ClientAddress;
import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/login} with the OAuth2 password form of the seed, or the same fields as JSON. */
@RestController
class LoginController {

    record LoginRequest(
            @JsonAlias("email") @NotBlank(message = "Falta el correo (username).") @Size(max = 255) String username,
            @NotBlank(message = "Falta la contraseña.") @Size(max = 1024) String password) {
    }

    private final Authenticator authenticator;

    LoginController(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Operation(summary = "Log in with the OAuth2 password form (username, password)")
    @PostMapping(path = "/api/v1/auth/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    TokenResponse form(@RequestParam String username, @RequestParam String password, HttpServletRequest http) {
        return json(new LoginRequest(username, password), http);
    }

    @Operation(summary = "Log in with a JSON body {username, password}")
    @PostMapping(path = "/api/v1/auth/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    TokenResponse json(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        if (request.username().isBlank() || request.password().isEmpty() || request.username().length() > 255
                || request.password().length() > 1024) {
            throw cl.compraagil.problem.ApiProblem.badRequest("validation_failed", "Debes indicar correo y contraseña.");
        }
        return authenticator.login(request.username(), request.password(), ClientAddress.of(http));
    }
}
