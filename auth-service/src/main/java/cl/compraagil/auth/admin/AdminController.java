package cl.compraagil.auth.admin;

import cl.compraagil.auth.audit.AuditEntry;
import cl.compraagil.auth.audit.AuditLog;
import cl.compraagil.auth.keys.SigningKeys;
import cl.compraagil.auth.user.UserRepository;
import cl.compraagil.auth.user.UserView;
import cl.compraagil.auth.web.Callers;
import cl.compraagil.auth.web.ClientAddress;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administration: users, the audit log and signing-key rotation. Every endpoint needs an admin user token. */
@RestController
@Validated
class AdminController {

    private final UserRepository users;
    private final Administration administration;
    private final AuditLog audit;
    private final SigningKeys keys;
    private final TransactionTemplate transactions;

    AdminController(UserRepository users, Administration administration, AuditLog audit, SigningKeys keys,
            TransactionTemplate transactions) {
        this.users = users;
        this.administration = administration;
        this.audit = audit;
        this.keys = keys;
        this.transactions = transactions;
    }

    @Operation(summary = "List or search users by email, name or company (admins)")
    @GetMapping("/api/v1/users")
    List<UserView> search(AuthenticatedUser caller, @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        Callers.requireAdmin(caller);
        return users.search(q, limit, offset).stream().map(UserView::of).toList();
    }

    @Operation(summary = "Any user by id (admins only, audited)")
    @GetMapping("/api/v1/users/{id}")
    UserView byId(AuthenticatedUser caller, @PathVariable long id, HttpServletRequest http) {
        Callers.requireAdmin(caller);
        return UserView.of(administration.view(caller.id(), id, ClientAddress.of(http)));
    }

    @PostMapping("/api/v1/users/{id}/deactivate")
    ResponseEntity<Void> deactivate(AuthenticatedUser caller, @PathVariable long id, HttpServletRequest http) {
        Callers.requireAdmin(caller);
        administration.setActive(caller.id(), id, false, ClientAddress.of(http));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/users/{id}/reactivate")
    ResponseEntity<Void> reactivate(AuthenticatedUser caller, @PathVariable long id, HttpServletRequest http) {
        Callers.requireAdmin(caller);
        administration.setActive(caller.id(), id, true, ClientAddress.of(http));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/v1/users/{id}/admin")
    ResponseEntity<Void> grantAdmin(AuthenticatedUser caller, @PathVariable long id, HttpServletRequest http) {
        Callers.requireAdmin(caller);
        administration.setAdmin(caller.id(), id, true, ClientAddress.of(http));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/users/{id}/admin")
    ResponseEntity<Void> revokeAdmin(AuthenticatedUser caller, @PathVariable long id, HttpServletRequest http) {
        Callers.requireAdmin(caller);
        administration.setAdmin(caller.id(), id, false, ClientAddress.of(http));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Audit log of admin actions and security events, newest first (admins)")
    @GetMapping("/api/v1/auth/audit-log")
    List<AuditEntry> auditLog(AuthenticatedUser caller, @RequestParam(name = "user_id", required = false) @Positive Long userId,
            @RequestParam(required = false) @Pattern(regexp = "[a-z_]{1,60}") String action,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        Callers.requireAdmin(caller);
        return audit.query(userId, action, limit, offset);
    }

    @Operation(summary = "Rotate the signing key now; the old public key stays published until its tokens expire")
    @PostMapping("/api/v1/auth/keys/rotate")
    Map<String, String> rotate(AuthenticatedUser caller, HttpServletRequest http) {
        Callers.requireAdmin(caller);
        String previous = keys.current().kid();
        String kid = keys.rotate(previous).kid();
        transactions.executeWithoutResult(status -> audit.record("signing_key_rotated", caller.id(), null, null,
                ClientAddress.of(http), Map.of("previous_kid", previous, "kid", kid)));
        return Map.of("kid", kid, "previous_kid", previous);
    }
}
