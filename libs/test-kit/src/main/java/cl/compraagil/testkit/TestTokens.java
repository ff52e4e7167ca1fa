package cl.compraagil.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A token issuer for tests: serves a JWKS over HTTP from the test JVM and mints RS256 access tokens with
 * the same claims auth-service puts in real ones, so services verify them through their real decoder.
 */
public final class TestTokens {

    public static final String ISSUER = "compra-agil-auth";
    public static final String AUDIENCE = "compra-agil-api";

    private static TestTokens shared;

    private final RSAKey key;
    private final URI jwksUri;

    private TestTokens(RSAKey key, URI jwksUri) {
        this.key = key;
        this.jwksUri = jwksUri;
    }

    public static synchronized TestTokens shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static TestTokens start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            return new TestTokens(key, URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json"));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI jwksUri() {
        return jwksUri;
    }

    public RSAKey signingKey() {
        return key;
    }

    /** A valid 15-minute token for an ordinary user. */
    public String user(long userId) {
        return token(claims(userId, List.of("user")).build());
    }

    public String admin(long userId) {
        return token(claims(userId, List.of("user", "admin")).build());
    }

    /** A token whose user acts inside an organization with the given role. */
    public String member(long userId, long organizationId, String organizationRole) {
        return token(claims(userId, List.of("user")).claim("org", organizationId).claim("org_role", organizationRole).build());
    }

    /** Claims as auth-service writes them; tests tweak them to build hostile tokens. */
    public JWTClaimsSet.Builder claims(long userId, List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(Long.toString(userId))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("email", "user" + userId + "@example.cl")
                .claim("roles", roles);
    }

    public String token(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(new JOSEObjectType("at+jwt")).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
