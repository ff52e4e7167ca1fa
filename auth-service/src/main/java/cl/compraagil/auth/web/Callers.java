package cl.compraagil.auth.web;

import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;

/** Function-level authorization of a verified caller (OWASP API5). */
public final class Callers {

    private Callers() {
    }

    /** Account management needs the user's own session, never an API-key token. */
    public static void requireUserToken(AuthenticatedUser caller) {
        if (caller.isApiKey()) {
            throw ApiProblem.forbidden("forbidden", "Una API key no puede administrar la cuenta.");
        }
    }

    public static void requireAdmin(AuthenticatedUser caller) {
        if (!caller.isAdmin() || caller.isApiKey()) {
            throw ApiProblem.forbidden("forbidden", "Solo un administrador puede hacer esto.");
        }
    }
}
