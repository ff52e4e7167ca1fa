package cl.compraagil.auth.token;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What an access token says about its holder; {@link AccessTokenIssuer} adds iss, aud, iat, exp and jti. */
public record AccessTokenClaims(long userId, String email, List<String> roles, Long organizationId,
        String organizationRole, String authMethod, Map<String, Object> extra, Duration lifetime) {
}
