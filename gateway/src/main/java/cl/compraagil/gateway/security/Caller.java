package cl.compraagil.gateway.security;

import cl.compraagil.security.AccessTokens;
import cl.compraagil.security.AuthenticatedUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ServerWebExchange;

/**
 * The verified caller of a routed request, as later gateway filters (quotas, usage) need it. Absent for
 * anonymous requests to public paths.
 */
public record Caller(long userId, boolean admin, Long apiKeyId, Integer apiKeyRatePerMinute, String accessToken) {

    static final String ATTRIBUTE = Caller.class.getName();
    static final String CLAIM_RATE_LIMIT = "rate_limit_per_minute";

    static Caller of(Jwt jwt) {
        AuthenticatedUser user = AuthenticatedUser.of(jwt);
        boolean viaApiKey = user.isApiKey() || "api_key".equals(jwt.getClaimAsString(AccessTokens.CLAIM_AUTH_METHOD));
        Object rate = jwt.getClaims().get(CLAIM_RATE_LIMIT);
        return new Caller(user.id(), user.isAdmin(), viaApiKey ? (user.apiKeyId() == null ? 0L : user.apiKeyId()) : null,
                rate == null ? null : Integer.valueOf(rate.toString()), jwt.getTokenValue());
    }

    public boolean viaApiKey() {
        return apiKeyId != null;
    }

    /** The caller of this exchange, or null when it is anonymous. */
    public static Caller of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
