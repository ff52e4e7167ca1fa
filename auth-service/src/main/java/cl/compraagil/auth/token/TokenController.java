package cl.compraagil.auth.token;

import cl.compraagil.auth.user.User;
import cl.compraagil.auth.user.UserRepository;
import cl.compraagil.auth.web.Callers;
import cl.compraagil.auth.web.ClientAddress;
import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Refresh, logout and switching the active organization. */
@RestController
@RequestMapping("/api/v1/auth")
class TokenController {

    record RefreshRequest(@NotBlank(message = "Falta el refresh_token.") @Size(max = 200) String refreshToken) {
    }

    record LogoutRequest(@Size(max = 200) String refreshToken) {
    }

    record SwitchOrganizationRequest(@Positive(message = "organization_id debe ser un id válido.") Long organizationId,
            @Size(max = 200) String refreshToken) {
    }

    private final Sessions sessions;
    private final RefreshTokens refreshTokens;
    private final UserRepository users;
    private final TransactionTemplate transactions;

    TokenController(Sessions sessions, RefreshTokens refreshTokens, UserRepository users,
            TransactionTemplate transactions) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.transactions = transactions;
    }

    @Operation(summary = "Exchange a refresh token for new tokens (rotation)")
    @PostMapping("/refresh")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
        return sessions.refresh(request.refreshToken(), ClientAddress.of(http));
    }

    @Operation(summary = "End the session of a refresh token")
    @PostMapping("/logout")
    ResponseEntity<Void> logout(@Valid @RequestBody LogoutRequest request) {
        refreshTokens.revokeFamilyOf(request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Act in another organization (or none): new tokens carrying it")
    @PostMapping("/switch-organization")
    TokenResponse switchOrganization(AuthenticatedUser caller, @Valid @RequestBody SwitchOrganizationRequest request) {
        Callers.requireUserToken(caller);
        return transactions.execute(status -> {
            User user = users.findById(caller.id()).filter(User::active)
                    .orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Debes iniciar sesión."));
            if (request.organizationId() != null
                    && sessions.memberRole(request.organizationId(), user.id()).isEmpty()) {
                throw ApiProblem.notFound("La organización");
            }
            if (request.refreshToken() != null) {
                refreshTokens.revokeFamilyOf(request.refreshToken(), user.id());
            }
            return sessions.startIn(user, request.organizationId());
        });
    }
}
