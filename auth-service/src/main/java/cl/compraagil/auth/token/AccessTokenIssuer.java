package cl.compraagil.auth.token;

import cl.compraagil.auth.keys.SigningKey;
import cl.compraagil.auth.keys.SigningKeys;
import cl.compraagil.security.AccessTokens;
import cl.compraagil.security.TokenProperties;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Signs RS256 access tokens (RFC 9068 shape, typ at+jwt) with the current key of the ring. */
@Component
public class AccessTokenIssuer {

    private final SigningKeys keys;
    private final TokenProperties token;
    private final Clock clock;

    AccessTokenIssuer(SigningKeys keys, TokenProperties token, Clock clock) {
        this.keys = keys;
        this.token = token;
        this.clock = clock;
    }

    public String issue(AccessTokenClaims claims) {
        SigningKey key = keys.current();
        Instant now = clock.instant();
        JwtBuilder builder = Jwts.builder()
                .header().keyId(key.kid()).type(AccessTokens.TYPE).and()
                .issuer(token.issuer())
                .audience().add(token.audience()).and()
                .subject(Long.toString(claims.userId()))
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(claims.lifetime())))
                .id(UUID.randomUUID().toString())
                .claim(AccessTokens.CLAIM_ROLES, claims.roles())
                .claim(AccessTokens.CLAIM_AUTH_METHOD, claims.authMethod());
        if (claims.email() != null) {
            builder.claim(AccessTokens.CLAIM_EMAIL, claims.email());
        }
        if (claims.organizationId() != null) {
            builder.claim(AccessTokens.CLAIM_ORGANIZATION, claims.organizationId())
                    .claim(AccessTokens.CLAIM_ORGANIZATION_ROLE, claims.organizationRole());
        }
        claims.extra().forEach(builder::claim);
        return builder.signWith(key.privateKey(), Jwts.SIG.RS256).compact();
    }
}
