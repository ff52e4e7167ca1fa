package cl.compraagil.licitacion.profile;

import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import java.util.Set;

/**
 * Whose profile a caller works on: their organization's when the token carries one (only owners and admins
 * may change it), otherwise their own.
 */
record ProfileOwner(String type, long id) {

    private static final Set<String> EDITORS = Set.of("owner", "admin");

    static ProfileOwner of(AuthenticatedUser user) {
        return user.organizationId() != null
                ? new ProfileOwner("organization", user.organizationId())
                : new ProfileOwner("user", user.id());
    }

    static ProfileOwner editableBy(AuthenticatedUser user) {
        ProfileOwner owner = of(user);
        if (owner.type().equals("organization") && !EDITORS.contains(String.valueOf(user.organizationRole()))) {
            throw ApiProblem.forbidden("organization_role_required",
                    "Solo el dueño o un administrador de la organización puede modificar su perfil de empresa.");
        }
        return owner;
    }
}
