package cl.compraagil.auth.organization;

import cl.compraagil.auth.organization.InvitationRepository.InvitationView;
import cl.compraagil.auth.organization.OrganizationRepository.MemberView;
import cl.compraagil.auth.organization.OrganizationRepository.OrganizationView;
import cl.compraagil.auth.web.Callers;
import cl.compraagil.auth.web.ClientAddress;
import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/organizations}: create, invite, accept, members and roles. */
@RestController
@RequestMapping("/api/v1/organizations")
class OrganizationController {

    record CreateRequest(@NotBlank(message = "El nombre es obligatorio.")
                         @Size(max = 255, message = "El nombre es demasiado largo.") String name) {
    }

    record InviteRequest(
            @NotBlank(message = "El correo es obligatorio.") @Email(message = "El correo no es válido.") @Size(max = 255)
            String email,
            @NotBlank(message = "El rol es obligatorio.")
            @Pattern(regexp = "admin|member|viewer", message = "El rol debe ser admin, member o viewer.") String role) {
    }

    record AcceptRequest(@NotBlank(message = "Falta el token de la invitación.") @Size(max = 200) String token) {
    }

    record RoleRequest(@NotBlank(message = "El rol es obligatorio.")
                       @Pattern(regexp = "admin|member|viewer", message = "El rol debe ser admin, member o viewer.")
                       String role) {
    }

    private final Organizations organizations;
    private final Invitations invitations;

    OrganizationController(Organizations organizations, Invitations invitations) {
        this.organizations = organizations;
        this.invitations = invitations;
    }

    @Operation(summary = "Create an organization; the caller becomes its owner")
    @PostMapping
    ResponseEntity<OrganizationView> create(AuthenticatedUser caller, @Valid @RequestBody CreateRequest request) {
        Callers.requireUserToken(caller);
        OrganizationView created = organizations.create(caller.id(), request.name().trim());
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.id())).body(created);
    }

    @Operation(summary = "Organizations the caller belongs to, with the caller's role")
    @GetMapping
    List<OrganizationView> mine(AuthenticatedUser caller) {
        Callers.requireUserToken(caller);
        return organizations.mine(caller.id());
    }

    @GetMapping("/{id}")
    OrganizationView get(AuthenticatedUser caller, @PathVariable long id) {
        Callers.requireUserToken(caller);
        return organizations.get(id, caller.id());
    }

    @GetMapping("/{id}/members")
    List<MemberView> members(AuthenticatedUser caller, @PathVariable long id) {
        Callers.requireUserToken(caller);
        return organizations.members(id, caller.id());
    }

    @Operation(summary = "Invite by email (owner, admin); the link is emailed by notification-service")
    @PostMapping("/{id}/invitations")
    ResponseEntity<InvitationView> invite(AuthenticatedUser caller, @PathVariable long id,
            @Valid @RequestBody InviteRequest request, HttpServletRequest http) {
        Callers.requireUserToken(caller);
        InvitationView invitation = invitations.invite(id, caller.id(), request.email().trim(), role(request.role()),
                ClientAddress.of(http));
        return ResponseEntity.status(201).body(invitation);
    }

    @GetMapping("/{id}/invitations")
    List<InvitationView> pending(AuthenticatedUser caller, @PathVariable long id) {
        Callers.requireUserToken(caller);
        return invitations.pending(id, caller.id());
    }

    @Operation(summary = "Accept an invitation sent to the caller's email")
    @PostMapping("/invitations/accept")
    OrganizationView accept(AuthenticatedUser caller, @Valid @RequestBody AcceptRequest request, HttpServletRequest http) {
        Callers.requireUserToken(caller);
        return invitations.accept(request.token(), caller.id(), caller.email(), ClientAddress.of(http));
    }

    @PatchMapping("/{id}/members/{userId}")
    ResponseEntity<Void> changeRole(AuthenticatedUser caller, @PathVariable long id, @PathVariable long userId,
            @Valid @RequestBody RoleRequest request, HttpServletRequest http) {
        Callers.requireUserToken(caller);
        organizations.changeRole(id, caller.id(), userId, role(request.role()), ClientAddress.of(http));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/members/{userId}")
    ResponseEntity<Void> remove(AuthenticatedUser caller, @PathVariable long id, @PathVariable long userId,
            HttpServletRequest http) {
        Callers.requireUserToken(caller);
        organizations.remove(id, caller.id(), userId, ClientAddress.of(http));
        return ResponseEntity.noContent().build();
    }

    private static OrganizationRole role(String code) {
        return OrganizationRole.of(code).orElseThrow(() -> ApiProblem.badRequest("invalid_role",
                "El rol debe ser admin, member o viewer."));
    }
}
