package cl.compraagil.auth.recovery;

import cl.compraagil.auth.throttle.LoginThrottle;
import cl.compraagil.auth.user.User;
import cl.compraagil.auth.user.UserRepository;
import cl.compraagil.auth.web.Callers;
import cl.compraagil.auth.web.ClientAddress;
import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Email verification and password reset. */
@RestController
@RequestMapping("/api/v1/auth")
class RecoveryController {

    record TokenRequest(@NotBlank(message = "Falta el token.") @Size(max = 200) String token) {
    }

    record ResetRequest(@NotBlank(message = "Falta el correo.") @Email(message = "El correo no es válido.")
                        @Size(max = 255) String email) {
    }

    record NewPasswordRequest(@NotBlank(message = "Falta el token.") @Size(max = 200) String token,
            @NotBlank(message = "Falta la nueva contraseña.") @Size(max = 1024) String newPassword) {
    }

    private static final Map<String, String> RESET_ANSWER = Map.of("detail",
            "Si existe una cuenta con ese correo, te enviamos un enlace para restablecer la contraseña.");

    private final EmailVerification verification;
    private final PasswordReset reset;
    private final UserRepository users;
    private final LoginThrottle throttle;
    private final TransactionTemplate transactions;

    RecoveryController(EmailVerification verification, PasswordReset reset, UserRepository users,
            LoginThrottle throttle, TransactionTemplate transactions) {
        this.verification = verification;
        this.reset = reset;
        this.users = users;
        this.throttle = throttle;
        this.transactions = transactions;
    }

    @Operation(summary = "Send a new email verification link to the logged-in user")
    @PostMapping("/verify-email/request")
    ResponseEntity<Void> requestVerification(AuthenticatedUser caller, HttpServletRequest http) {
        Callers.requireUserToken(caller);
        User user = users.findById(caller.id()).filter(User::active).orElseThrow(() -> ApiProblem.notFound("El usuario"));
        if (user.verified()) {
            throw ApiProblem.conflict("already_verified", "Tu correo ya está verificado.");
        }
        throttle.checkEmailRequest(user.email(), ClientAddress.of(http));
        transactions.executeWithoutResult(status -> verification.send(user));
        return ResponseEntity.accepted().build();
    }

    @Operation(summary = "Confirm an email with the token of the link")
    @PostMapping("/verify-email")
    ResponseEntity<Void> verify(@Valid @RequestBody TokenRequest request) {
        verification.confirm(request.token());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Ask for a password reset link (same answer whether the account exists or not)")
    @PostMapping("/password-reset/request")
    ResponseEntity<Map<String, String>> requestReset(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
        throttle.checkEmailRequest(request.email(), ClientAddress.of(http));
        reset.request(request.email());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(RESET_ANSWER);
    }

    @Operation(summary = "Set a new password with the token of the link; every session ends, no automatic login")
    @PostMapping("/password-reset")
    ResponseEntity<Void> reset(@Valid @RequestBody NewPasswordRequest request, HttpServletRequest http) {
        reset.reset(request.token(), request.newPassword(), ClientAddress.of(http));
        return ResponseEntity.noContent().build();
    }
}
