package cl.compraagil.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import cl.compraagil.gateway.GatewayTestBase;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forged or misused tokens never get past the gateway, and each gets the same 401 problem. */
class TokenAttackIT extends GatewayTestBase {

    private static final String PATH = "/api/v1/licitaciones/attacked";

    @Test
    void unsignedTokenIsRefused() {
        refused(new PlainJWT(claims(501)).serialize());
    }

    @Test
    void hmacTokenSignedWithThePublicKeyIsRefused() throws Exception {
        byte[] publicKey = TOKENS.signingKey().toPublicJWK().toJSONString().getBytes();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
                .keyID(TOKENS.signingKey().getKeyID()).build(), claims(502));
        jwt.sign(new MACSigner(publicKey));
        refused(jwt.serialize());
    }

    @Test
    void expiredTokenIsRefused() {
        refused(TOKENS.token(TOKENS.claims(503, List.of("user"))
                .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(600))).build()));
    }

    @Test
    void tokenFromAnUnknownKeyIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
                .keyID("stranger").build(), claims(504));
        jwt.sign(new RSASSASigner(stranger));
        refused(jwt.serialize());
    }

    @Test
    void correctlySignedTokenOfAnotherTypeIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(TOKENS.signingKey().getKeyID()).build(), claims(505));
        jwt.sign(new RSASSASigner(TOKENS.signingKey()));
        refused(jwt.serialize());
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() {
        refused(TOKENS.token(TOKENS.claims(506, List.of("user")).issuer("someone-else").build()));
    }

    private static JWTClaimsSet claims(long userId) {
        return TOKENS.claims(userId, List.of("user", "admin")).build();
    }

    private void refused(String token) {
        client.get().uri(PATH).header("Authorization", bearer(token)).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("unauthorized");
        LICITACION.verify(0, anyRequestedFor(urlPathEqualTo(PATH)));
    }
}
