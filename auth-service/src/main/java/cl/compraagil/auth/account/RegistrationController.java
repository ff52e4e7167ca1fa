package cl.compraagil.auth.account;

import cl.compraagil.auth.throttle.LoginThrottle;
import cl.compraagil.auth.user.UserView;
import cl.compraagil.auth.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/register}. */
@RestController
class RegistrationController {

    private final Registration registration;
    private final LoginThrottle throttle;

    RegistrationController(Registration registration, LoginThrottle throttle) {
        this.registration = registration;
        this.throttle = throttle;
    }

    @Operation(summary = "Open an account; answers the user without any credential")
    @PostMapping("/api/v1/auth/register")
    ResponseEntity<UserView> register(@Valid @RequestBody RegistrationRequest request, HttpServletRequest http) {
        throttle.checkRegistration(ClientAddress.of(http));
        UserView user = UserView.of(registration.register(request));
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
    }
}
