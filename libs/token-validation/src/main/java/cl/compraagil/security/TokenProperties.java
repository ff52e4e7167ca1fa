package cl.compraagil.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service verifies access tokens: who issues them, for which audience, where the public keys are,
 * and which paths of this service need no token.
 */
@ConfigurationProperties("security.jwt")
public record TokenProperties(
        @DefaultValue("compra-agil-auth") String issuer,
        @DefaultValue("compra-agil-api") String audience,
        @DefaultValue("http://localhost:8081/.well-known/jwks.json") URI jwksUri,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue List<String> publicPaths) {
}
