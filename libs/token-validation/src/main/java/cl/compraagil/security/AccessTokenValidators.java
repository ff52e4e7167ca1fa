package cl.compraagil.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The checks RFC 8725 asks of every access token beyond its signature: expiry, issuer, audience and
 * explicit type, so that an ID token, a refresh token or a token for another API is never accepted.
 */
public final class AccessTokenValidators {

    private AccessTokenValidators() {
    }

    public static OAuth2TokenValidator<Jwt> create(TokenProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuer()),
                audience(properties.audience()),
                new JwtClaimPresence("sub")));
    }

    /** Nimbus rejects any {@code typ} but {@code at+jwt} before the signature is even checked. */
    public static <C extends SecurityContext> JOSEObjectTypeVerifier<C> typeVerifier() {
        return new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(AccessTokens.TYPE),
                new JOSEObjectType("application/" + AccessTokens.TYPE));
    }

    static OAuth2TokenValidator<Jwt> audience(String audience) {
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token is not for this API", null));
    }

    private record JwtClaimPresence(String claim) implements OAuth2TokenValidator<Jwt> {
        @Override
        public OAuth2TokenValidatorResult validate(Jwt token) {
            Object value = token.getClaims().get(claim);
            return value != null && !value.toString().isBlank()
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Missing claim " + claim, null));
        }
    }
}
