package cl.compraagil.auth.account;

import cl.compraagil.auth.user.UserRepository;
import cl.compraagil.auth.user.UserView;
import cl.compraagil.auth.web.Callers;
import cl.compraagil.auth.web.ClientAddress;
import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account, and any account for admins. */
@RestController
class UsersController {

    private final Accounts accounts;
    private final UserRepository users;

    UsersController(Accounts accounts, UserRepository users) {
        this.accounts = accounts;
        this.users = users;
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

    @Operation(summary = "Any user by id (admins only)")
    @GetMapping("/api/v1/users/{id}")
    UserView byId(AuthenticatedUser caller, @PathVariable long id) {
        Callers.requireAdmin(caller);
        return users.findById(id).map(UserView::of).orElseThrow(() -> ApiProblem.notFound("El usuario"));
    }
}
