package cl.compraagil.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The verified caller of a request, read from its access token. Services take it as a controller
 * parameter and scope every query by {@link #id()} (and {@link #organizationId()} where data is shared).
 */
public record AuthenticatedUser(
        long id,
        String email,
        Long organizationId,
        String organizationRole,
        Set<String> roles,
        Set<String> scopes,
        Long apiKeyId) {

    public static AuthenticatedUser of(Jwt jwt) {
        Object org = jwt.getClaims().get(AccessTokens.CLAIM_ORGANIZATION);
        Object apiKey = jwt.getClaims().get(AccessTokens.CLAIM_API_KEY_ID);
        return new AuthenticatedUser(
                Long.parseLong(jwt.getSubject()),
                jwt.getClaimAsString(AccessTokens.CLAIM_EMAIL),
                org == null ? null : Long.valueOf(org.toString()),
                jwt.getClaimAsString(AccessTokens.CLAIM_ORGANIZATION_ROLE),
                asSet(jwt.getClaim(AccessTokens.CLAIM_ROLES)),
                scopes(jwt.getClaimAsString(AccessTokens.CLAIM_SCOPE)),
                apiKey == null ? null : Long.valueOf(apiKey.toString()));
    }

    public boolean isAdmin() {
        return roles.contains(AccessTokens.ROLE_ADMIN);
    }

    public boolean isApiKey() {
        return apiKeyId != null;
    }

    /** A user token may do anything its user may; an API-key token only what its scopes say. */
    public boolean hasScope(String scope) {
        return !isApiKey() || scopes.contains(scope);
    }

    private static Set<String> asSet(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(Object::toString).collect(Collectors.toUnmodifiableSet());
        }
        return claim == null ? Set.of() : Set.of(claim.toString());
    }

    private static Set<String> scopes(String scope) {
        return scope == null || scope.isBlank() ? Set.of() : Set.copyOf(List.of(scope.trim().split("\\s+")));
    }
}
