package cl.compraagil.auth.account;

import cl.compraagil.auth.user.UserView;
import cl.compraagil.auth.web.Callers;
import cl.compraagil.auth.web.ClientAddress;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account (admins read any account through the admin feature). */
@RestController
class UsersController {

    private final Accounts accounts;

    UsersController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "The logged-in user")
    @GetMapping({"/api/v1/auth/me", "/api/v1/users/me"})
    UserView me(AuthenticatedUser caller) {
        Callers.requireUserToken(caller);
        return UserView.of(accounts.active(caller.id()));
    }

    @Operation(summary = "Update own profile (full_name, company_name, rut, phone only)")
    @PatchMapping("/api/v1/users/me")
    UserView update(AuthenticatedUser caller, @Valid @RequestBody ProfileUpdate update) {
        Callers.requireUserToken(caller);
        return UserView.of(accounts.update(caller.id(), update));
    }

    @Operation(summary = "Change own password; every session ends")
    @PostMapping("/api/v1/users/me/password")
    ResponseEntity<Void> changePassword(AuthenticatedUser caller, @Valid @RequestBody PasswordChange change,
            HttpServletRequest http) {
        Callers.requireUserToken(caller);
        accounts.changePassword(caller.id(), change, ClientAddress.of(http));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Delete own account; every service forgets the user (user.deleted)")
    @DeleteMapping("/api/v1/users/me")
    ResponseEntity<Void> delete(AuthenticatedUser caller, HttpServletRequest http) {
        Callers.requireUserToken(caller);
        accounts.delete(caller.id(), ClientAddress.of(http));
        return ResponseEntity.noContent().build();
    }
}
