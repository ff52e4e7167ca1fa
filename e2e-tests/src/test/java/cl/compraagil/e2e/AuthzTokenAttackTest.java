package cl.compraagil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 3's token attacks, client-sent identity headers and API keys, through the gateway on the packaged suite.
 * Each forged token differs from a control token, built by the same code and signed with auth-service's real key,
 * by exactly one thing; the control gets 200, so each 401 is due to that one thing.
 */
class AuthzTokenAttackTest {

    private static final String PASSWORD = "Licitar-2026!seguro";
    /** Two services behind the gateway: the gateway refuses first, and each service would refuse on its own. */
    private static final List<String> PROTECTED = List.of("/api/v1/auth/me", "/api/v1/subscriptions/current");

    private static Gateway gateway;
    private static AuthzOperator operator;
    private static String accessToken;
    private static String refreshToken;
    private static long userId;
    private static String header;
    private static String payload;
    private static PrivateKey signingKey;
    private static String jwks;

    @BeforeAll
    static void startSuite() {
        RunningSuite suite = RunningSuite.get();
        gateway = new Gateway(suite.gatewayUrl());
        operator = new AuthzOperator(suite);
        operator.resetPerAddressLimits();

        String email = "ataque+" + UUID.randomUUID() + "@pyme.cl";
        AuthzOperator.registerAndLogin(gateway, email, PASSWORD);
        HttpResponse<String> login = gateway.postForm("/api/v1/auth/login", "username="
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        accessToken = JsonPath.read(login.body(), "$.access_token");
        refreshToken = JsonPath.read(login.body(), "$.refresh_token");
        gateway.await("/api/v1/subscriptions/current", accessToken, r -> r.statusCode() == 200, Duration.ofSeconds(30));
        userId = ((Number) JsonPath.read(gateway.get("/api/v1/auth/me", accessToken).body(), "$.id")).longValue();
        header = AuthzTokens.header(accessToken);
        payload = AuthzTokens.payload(accessToken);
        signingKey = AuthzTokens.signingKey(operator, AuthzTokens.kid(accessToken));
        HttpResponse<String> keys = gateway.get("/.well-known/jwks.json", null);
        assertThat(keys.statusCode()).as(keys.body()).isEqualTo(200);
        jwks = keys.body();
    }

    @TestFactory
    List<DynamicTest> everyForgedTokenIsRefusedWith401WhileItsCorrectlySignedTwinIsAccepted() {
        long now = Instant.now().getEpochSecond();
        String fresh = AuthzTokens.edit(payload, d -> d.put("$", "iat", now - 5).put("$", "exp", now + 600)
                .put("$", "jti", UUID.randomUUID().toString()));
        String control = AuthzTokens.rs256(header, fresh, signingKey);
        PublicKey publicKey = AuthzTokens.publicKey(jwks, AuthzTokens.kid(accessToken));

        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("alg none, empty signature",
                AuthzTokens.unsigned(AuthzTokens.edit(header, d -> d.put("$", "alg", "none")), fresh) + ".");
        attacks.put("alg none, no signature part", AuthzTokens.unsigned(AuthzTokens.edit(header, d -> d.put("$", "alg", "none")), fresh));
        attacks.put("HS256 with the JWKS public key (PEM) as HMAC secret", AuthzTokens.hs256(
                AuthzTokens.edit(header, d -> d.put("$", "alg", "HS256")), fresh,
                AuthzTokens.pem(publicKey).getBytes(StandardCharsets.US_ASCII)));
        attacks.put("HS256 with the JWKS public key (DER) as HMAC secret", AuthzTokens.hs256(
                AuthzTokens.edit(header, d -> d.put("$", "alg", "HS256")), fresh, publicKey.getEncoded()));
        attacks.put("expired two minutes ago", AuthzTokens.rs256(header,
                AuthzTokens.edit(fresh, d -> d.put("$", "iat", now - 1200).put("$", "exp", now - 120)), signingKey));
        attacks.put("audience of another API", AuthzTokens.rs256(header,
                AuthzTokens.edit(fresh, d -> d.put("$", "aud", "otra-api")), signingKey));
        attacks.put("issuer of another server", AuthzTokens.rs256(header,
                AuthzTokens.edit(fresh, d -> d.put("$", "iss", "https://attacker.example")), signingKey));
        attacks.put("unknown kid, signed with the real key", AuthzTokens.rs256(
                AuthzTokens.edit(header, d -> d.put("$", "kid", "e2e-unknown-" + UUID.randomUUID())), fresh, signingKey));
        attacks.put("unknown kid, signed with a stranger's key", AuthzTokens.rs256(
                AuthzTokens.edit(header, d -> d.put("$", "kid", "e2e-stranger-" + UUID.randomUUID())), fresh, AuthzTokens.strangerKey()));
        attacks.put("real kid, signed with a stranger's key", AuthzTokens.rs256(header, fresh, AuthzTokens.strangerKey()));
        attacks.put("typ JWT instead of at+jwt", AuthzTokens.rs256(AuthzTokens.edit(header, d -> d.put("$", "typ", "JWT")), fresh, signingKey));
        attacks.put("refresh token used as access token", refreshToken);
        String[] parts = accessToken.split("\\.");
        attacks.put("tampered payload (admin role added), original signature", AuthzTokens.unsigned(header,
                AuthzTokens.edit(payload, d -> d.put("$", "roles", List.of("user", "admin")))) + "." + parts[2]);
        attacks.put("tampered payload (other subject), original signature", AuthzTokens.unsigned(header,
                AuthzTokens.edit(payload, d -> d.put("$", "sub", Long.toString(userId + 1)))) + "." + parts[2]);

        List<DynamicTest> tests = new java.util.ArrayList<>();
        for (String path : PROTECTED) {
            tests.add(DynamicTest.dynamicTest("control: correctly signed twin → 200 on " + path, () -> {
                HttpResponse<String> ok = gateway.get(path, control);
                assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            }));
            attacks.forEach((name, token) -> tests.add(DynamicTest.dynamicTest(name + " → 401 on " + path, () -> {
                HttpResponse<String> refused = gateway.get(path, token);
                assertThat(refused.statusCode()).as("%s: %s", name, refused.body()).isEqualTo(401);
                assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            })));
        }
        return tests;
    }

    @Test
    void identityHeadersSentByTheClientAreIgnored() {
        String victim = Long.toString(userId + 1000);
        String[] forged = {"X-User-Id", victim, "X-User-Email", "admin@compraagil.cl", "X-User-Roles", "admin",
                "X-Roles", "admin", "X-Organization-Id", "1", "X-Auth-User", victim, "X-Authenticated-User", victim,
                "X-Forwarded-User", victim, "X-Scopes", "admin", "X-Api-Key-Id", "1"};

        HttpResponse<String> me = gateway.exchange("GET", "/api/v1/auth/me", null, accessToken, forged);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(((Number) JsonPath.read(me.body(), "$.id")).longValue()).isEqualTo(userId);
        assertThat((Boolean) JsonPath.read(me.body(), "$.is_admin")).isFalse();

        HttpResponse<String> adminOnly = gateway.exchange("GET", "/api/v1/users", null, accessToken, forged);
        assertThat(adminOnly.statusCode()).as(adminOnly.body()).isEqualTo(403);
        HttpResponse<String> adminBilling = gateway.exchange("GET", "/api/v1/subscriptions/admin/users/" + victim, null,
                accessToken, forged);
        assertThat(adminBilling.statusCode()).as(adminBilling.body()).isEqualTo(403);

        for (String path : PROTECTED) {
            HttpResponse<String> anonymous = gateway.exchange("GET", path, null, null, forged);
            assertThat(anonymous.statusCode()).as("%s without a token: %s", path, anonymous.body()).isEqualTo(401);
        }
    }

    @Test
    void anApiKeyIsExchangedAtTheGatewayCountedAsApiCallsAndRefusedWithinSixtySecondsOfItsRevocation() {
        operator.resetPerAddressLimits();
        String token = AuthzOperator.registerAndLogin(gateway, "apikey+" + UUID.randomUUID() + "@pyme.cl", PASSWORD);
        gateway.await("/api/v1/subscriptions/current", token, r -> r.statusCode() == 200, Duration.ofSeconds(30));
        new BillingStripe(gateway).buy(token, "profesional");

        // auth-service learns the plan from subscription.changed
        HttpResponse<String> created = awaitKey(token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = JsonPath.read(created.body(), "$.key");
        long keyId = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
        assertThat(key).startsWith((String) JsonPath.read(created.body(), "$.prefix"));

        HttpResponse<String> search = gateway.exchange("GET", "/api/v1/licitaciones?q=papel", null, null, "X-API-Key", key);
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        assertThat(search.headers().firstValue("RateLimit-Policy").orElse("")).contains("\"api_calls\";q=100");
        assertThat(search.headers().firstValue("RateLimit").orElse("")).contains("\"api_calls\";r=99;");
        // the service received an API-key token, not the key: account management is refused, not unauthenticated
        HttpResponse<String> account = gateway.exchange("GET", "/api/v1/auth/me", null, null, "X-API-Key", key);
        assertThat(account.statusCode()).as(account.body()).isEqualTo(403);
        HttpResponse<String> usage = gateway.await("/api/v1/usage", token, r -> r.statusCode() == 200
                && usedToday(r.body(), "api_calls") >= 2, Duration.ofSeconds(30));
        assertThat(usedToday(usage.body(), "api_calls")).as(usage.body()).isEqualTo(2);

        HttpResponse<String> wrong = gateway.exchange("GET", "/api/v1/licitaciones?q=papel", null, null,
                "X-API-Key", key.substring(0, key.length() - 4) + "abcd");
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(401);

        HttpResponse<String> revoked = gateway.delete("/api/v1/api-keys/" + keyId, token);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
        long started = System.nanoTime();
        HttpResponse<String> after = gateway.exchange("GET", "/api/v1/subscriptions/current", null, null, "X-API-Key", key);
        while (after.statusCode() != 401 && Duration.ofNanos(System.nanoTime() - started).toSeconds() < 65) {
            Gateway.sleep(1_500);
            after = gateway.exchange("GET", "/api/v1/subscriptions/current", null, null, "X-API-Key", key);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(after.statusCode()).as("%d s after revoking: %s", took.toSeconds(), after.body()).isEqualTo(401);
        assertThat(took).as("revoked key refused within 60 s").isLessThanOrEqualTo(Duration.ofSeconds(61));
    }

    private static HttpResponse<String> awaitKey(String token) {
        String body = "{\"name\":\"e2e\",\"scopes\":[\"read:licitaciones\"],\"rate_limit_per_minute\":600}";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> created = gateway.postJson("/api/v1/api-keys", body, token);
        while (created.statusCode() == 403 && System.nanoTime() < deadline) {
            Gateway.sleep(500);
            created = gateway.postJson("/api/v1/api-keys", body, token);
        }
        return created;
    }

    private static int usedToday(String usage, String resource) {
        List<Integer> used = JsonPath.read(usage, "$.resources[?(@.resource == '" + resource + "')].used_today");
        return used.isEmpty() ? 0 : used.get(0);
    }
}
