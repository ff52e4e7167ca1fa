package cl.compraagil.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.compraagil.auth.keys.SigningKey;
import cl.compraagil.auth.keys.SigningKeys;
import cl.compraagil.testkit.TestTokens;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * RFC 8725 attacks against a protected endpoint of auth-service ({@code GET /api/v1/auth/me}): each hostile
 * token must get 401 problem+json, while the genuine token minted the same way gets 200.
 */
class TokenAttackIT extends AuthServiceTest {

    @Autowired SigningKeys keys;

    private void rejected(String token) throws Exception {
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"));
    }

    private JWTClaimsSet.Builder claims(long userId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("compra-agil-auth").audience("compra-agil-api")
                .subject(Long.toString(userId)).jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).claim("email", "x@y.cl").claim("roles", List.of("user", "admin"));
    }

    private String signed(JWTClaimsSet claims, String kid) throws Exception {
        SigningKey key = keys.current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid)
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        jwt.sign(new RSASSASigner(key.privateKey()));
        return jwt.serialize();
    }

    @Test
    void genuineTokenBuiltLikeTheAttacksIsAccepted() throws Exception {
        Registered ana = newUser();
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(signed(claims(ana.id()).build(),
                        keys.current().kid()))))
                .andExpect(status().isOk());
    }

    @Test
    void algNoneIsRejected() throws Exception {
        Registered ana = newUser();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(claims(ana.id()).build().toString().getBytes(StandardCharsets.UTF_8));
        rejected(header + "." + payload + ".");
    }

    @Test
    void hs256SignedWithThePublicKeyIsRejected() throws Exception {
        Registered ana = newUser();
        SigningKey key = keys.current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.kid())
                .type(new JOSEObjectType("at+jwt")).build(), claims(ana.id()).build());
        jwt.sign(new MACSigner(key.publicKey().getEncoded()));
        rejected(jwt.serialize());
    }

    @Test
    void expiredTokenIsRejected() throws Exception {
        Registered ana = newUser();
        Instant past = Instant.now().minusSeconds(3600);
        rejected(signed(claims(ana.id()).issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(900))).build(),
                keys.current().kid()));
    }

    @Test
    void wrongAudienceOrIssuerIsRejected() throws Exception {
        Registered ana = newUser();
        rejected(signed(claims(ana.id()).audience("otra-api").build(), keys.current().kid()));
        rejected(signed(claims(ana.id()).issuer("https://evil.example").build(), keys.current().kid()));
    }

    @Test
    void unknownKidIsRejected() throws Exception {
        Registered ana = newUser();
        rejected(signed(claims(ana.id()).build(), "kid-que-no-existe"));
        // a token from another issuer's key (the test kit's) is not trusted by auth-service either
        rejected(TestTokens.shared().admin(ana.id()));
    }

    @Test
    void tokenWithoutAccessTypeIsRejected() throws Exception {
        Registered ana = newUser();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.current().kid())
                .type(JOSEObjectType.JWT).build(), claims(ana.id()).build());
        jwt.sign(new RSASSASigner(keys.current().privateKey()));
        rejected(jwt.serialize());
    }

    @Test
    void refreshTokenUsedAsAccessTokenIsRejected() throws Exception {
        Registered ana = newUser();
        rejected(ana.refreshToken());
    }

    @Test
    void tamperedPayloadIsRejected() throws Exception {
        Registered ana = newUser();
        String[] parts = ana.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("[\"user\"]", "[\"user\",\"admin\"]");
        assertThat(payload).contains("admin");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        rejected(forged);
    }

    @Test
    void accessTokenIsNotARefreshToken() throws Exception {
        Registered ana = newUser();
        mvc.perform(post("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("refresh_token", ana.accessToken().substring(0, 190)))))
                .andExpect(status().isUnauthorized());
    }
}
