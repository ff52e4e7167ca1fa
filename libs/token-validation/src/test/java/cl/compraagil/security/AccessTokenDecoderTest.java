package cl.compraagil.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.compraagil.testkit.TestTokens;
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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** Each hostile token a client could send is refused by the decoder every service uses. */
class AccessTokenDecoderTest {

    private final TestTokens tokens = TestTokens.shared();
    private final JwtDecoder decoder = new ServiceSecurityAutoConfiguration().accessTokenDecoder(new TokenProperties(
            TestTokens.ISSUER, TestTokens.AUDIENCE, tokens.jwksUri(), Duration.ofSeconds(30), List.of()));

    @Test
    void validTokenIsAcceptedAndReadAsTheUser() {
        Jwt jwt = decoder.decode(tokens.member(7, 3, "admin"));
        AuthenticatedUser user = AuthenticatedUser.of(jwt);
        assertThat(user.id()).isEqualTo(7);
        assertThat(user.organizationId()).isEqualTo(3);
        assertThat(user.organizationRole()).isEqualTo("admin");
        assertThat(user.isAdmin()).isFalse();
    }

    @Test
    void unsignedAlgNoneTokenIsRefused() {
        String none = new PlainJWT(tokens.claims(1, List.of("user", "admin")).build()).serialize();
        assertThatThrownBy(() -> decoder.decode(none)).isInstanceOf(JwtException.class);
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws Exception {
        byte[] publicKey = tokens.signingKey().toPublicJWK().toRSAPublicKey().getEncoded();
        byte[] secret = Base64.getEncoder().encodeToString(publicKey).getBytes(StandardCharsets.UTF_8);
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(tokens.signingKey().getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), tokens.claims(1, List.of("user", "admin")).build());
        forged.sign(new MACSigner(secret));
        assertThatThrownBy(() -> decoder.decode(forged.serialize())).isInstanceOf(JwtException.class);
    }

    @Test
    void expiredTokenIsRefused() {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        String expired = tokens.token(tokens.claims(1, List.of("user")).issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(60))).build());
        assertThatThrownBy(() -> decoder.decode(expired)).isInstanceOf(JwtException.class);
    }

    @Test
    void tokenForAnotherAudienceOrIssuerIsRefused() {
        String otherAudience = tokens.token(tokens.claims(1, List.of("user")).audience("another-api").build());
        String otherIssuer = tokens.token(tokens.claims(1, List.of("user")).issuer("https://evil.example").build());
        assertThatThrownBy(() -> decoder.decode(otherAudience)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(otherIssuer)).isInstanceOf(JwtException.class);
    }

    @Test
    void tokenSignedByAnUnknownKeyIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("unknown-kid").generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("unknown-kid")
                .type(new JOSEObjectType("at+jwt")).build(), tokens.claims(1, List.of("user")).build());
        jwt.sign(new RSASSASigner(stranger));
        assertThatThrownBy(() -> decoder.decode(jwt.serialize())).isInstanceOf(JwtException.class);
    }

    @Test
    void tokenWithoutTheAccessTokenTypeIsRefused() throws Exception {
        JWTClaimsSet claims = tokens.claims(1, List.of("user")).build();
        SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(tokens.signingKey().getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        idToken.sign(new RSASSASigner(tokens.signingKey()));
        assertThatThrownBy(() -> decoder.decode(idToken.serialize())).isInstanceOf(JwtException.class);
    }

    @Test
    void tamperedPayloadIsRefused() {
        String[] parts = tokens.user(1).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"roles\":[\"user\"]", "\"roles\":[\"user\",\"admin\"]");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThatThrownBy(() -> decoder.decode(tampered)).isInstanceOf(JwtException.class);
    }

    @Test
    void opaqueRefreshTokenIsNotAnAccessToken() {
        assertThatThrownBy(() -> decoder.decode("rt_3kq9Zx0vLr8nYp2Tq6Wm1Hs4Jd7Fg5Ce")).isInstanceOf(JwtException.class);
    }

    @Test
    void apiKeyTokenOnlyHasItsScopes() {
        Jwt jwt = decoder.decode(tokens.token(tokens.claims(9, List.of("user")).claim("api_key_id", 4)
                .claim("scope", "read:licitaciones").build()));
        AuthenticatedUser user = AuthenticatedUser.of(jwt);
        assertThat(user.isApiKey()).isTrue();
        assertThat(user.hasScope("read:licitaciones")).isTrue();
        assertThat(user.hasScope("write:analysis")).isFalse();
        assertThat(URI.create(tokens.jwksUri().toString())).isNotNull();
    }
}
