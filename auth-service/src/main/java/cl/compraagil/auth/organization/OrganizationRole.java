package cl.compraagil.auth.organization;

import java.util.Arrays;
import java.util.Optional;

/**
 * Roles inside an organization, strongest first. The permission table lives in docs/security.md and is
 * enforced here: who may invite, change roles, remove members, and act on the organization's data.
 */
public enum OrganizationRole {
    OWNER, ADMIN, MEMBER, VIEWER;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<OrganizationRole> of(String code) {
        return Arrays.stream(values()).filter(role -> role.code().equals(code)).findFirst();
    }

    /** Owners and admins manage members; nobody else does. */
    boolean managesMembers() {
        return this == OWNER || this == ADMIN;
    }

    /** An admin may not touch an owner nor make anyone owner or admin-equal above itself. */
    boolean mayAssign(OrganizationRole target) {
        return this == OWNER ? target != OWNER : this == ADMIN && (target == MEMBER || target == VIEWER);
    }

    boolean outranksOrEquals(OrganizationRole other) {
        return ordinal() <= other.ordinal();
    }
}
