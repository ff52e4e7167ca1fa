package cl.compraagil.auth.keys;

import cl.compraagil.security.AccessTokenValidators;
import cl.compraagil.security.TokenProperties;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * auth-service verifies its own tokens from its key ring instead of fetching its own JWKS over HTTP, with
 * exactly the validators every other service applies (RS256 only, typ at+jwt, iss, aud, exp).
 */
@Configuration(proxyBeanMethods = false)
class OwnTokenDecoderConfiguration {

    @Bean
    JwtDecoder ownAccessTokenDecoder(SigningKeys keys, TokenProperties properties) {
        JWKSource<SecurityContext> source = (selector, context) -> {
            List<JWK> found = selector.select(SigningKeys.jwkSet(keys.published()));
            return found.isEmpty() ? selector.select(SigningKeys.jwkSet(keys.refreshedAfterUnknownKid())) : found;
        };
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(source)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(AccessTokenValidators.typeVerifier()))
                .build();
        decoder.setJwtValidator(AccessTokenValidators.create(properties));
        return decoder;
    }
}
