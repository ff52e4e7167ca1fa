package cl.compraagil.subscription.billing;

import static org.assertj.core.api.Assertions.assertThat;

import cl.compraagil.subscription.ServiceIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

class LocalCheckoutTest extends ServiceIntegrationTest {

    @Test
    void payingOnTheLocalCheckoutPageUpgradesThePlanThroughSignedWebhooks() {
        long userId = registeredUser();
        String token = userToken(userId);

        ResponseEntity<String> checkout = post("/api/v1/subscriptions/checkout", token,
                Map.of("plan", "emprendedor", "interval", "monthly"));
        assertThat(checkout.getStatusCode().value()).isEqualTo(200);
        JsonNode session = json(checkout);
        assertThat(session.path("amount").asInt()).isEqualTo(4990);
        assertThat(session.path("currency").asString()).isEqualTo("CLP");
        String url = session.path("url").asString();
        assertThat(url).startsWith("http://localhost:" + PORT + "/api/v1/subscriptions/local-checkout/cs_local_");
        String path = url.substring(("http://localhost:" + PORT).length());

        ResponseEntity<String> page = get(path, null);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("Pagar").contains("Emprendedor").contains("$4.990 CLP");

        ResponseEntity<String> paid = post(path + "/pay", null, null);
        assertThat(paid.getStatusCode().value()).isEqualTo(303);
        assertThat(paid.getHeaders().getLocation()).hasToString(
                "http://localhost:8080/billing/success?session_id=" + session.path("session_id").asString());

        JsonNode current = json(get("/api/v1/subscriptions/current", token));
        assertThat(current.path("plan").asString()).isEqualTo("emprendedor");
        assertThat(current.path("status").asString()).isEqualTo("active");
        assertThat(current.path("billing_interval").asString()).isEqualTo("monthly");
        assertThat(current.path("current_period_end").asString()).isNotBlank();
        assertThat(current.path("limits").path("ai_analysis").asInt()).isEqualTo(5);
        JsonNode payments = json(get("/api/v1/subscriptions/payments", token));
        assertThat(payments).hasSize(1);
        assertThat(payments.path(0).path("amount").asLong()).isEqualTo(4990);

        assertThat(post(path + "/pay", null, null).getStatusCode().value()).isEqualTo(404);
        long stranger = registeredUser();
        assertThat(json(get("/api/v1/subscriptions/payments", userToken(stranger)))).isEmpty();
        assertThat(json(get("/api/v1/subscriptions/current", userToken(stranger))).path("plan").asString()).isEqualTo("free");
        assertThat(post("/api/v1/subscriptions/checkout", token, Map.of("plan", "pyme", "interval", "monthly"))
                .getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void cancelAtPeriodEndAndResumeChangeOnlyTheRenewal() {
        long userId = registeredUser();
        String token = userToken(userId);
        assertThat(json(post("/api/v1/subscriptions/cancel", token, null)).path("error").asString())
                .isEqualTo("no_paid_subscription");
        payFor(token, "pyme", "yearly");

        JsonNode cancelled = json(post("/api/v1/subscriptions/cancel", token, null));
        assertThat(cancelled.path("cancel_at_period_end").asBoolean()).isTrue();
        assertThat(cancelled.path("plan").asString()).isEqualTo("pyme");
        assertThat(outboxEvents("subscription.changed", userId).stream()
                .filter(e -> e.path("plan").asString().equals("pyme")).count()).isGreaterThanOrEqualTo(2);

        JsonNode resumed = json(post("/api/v1/subscriptions/resume", token, null));
        assertThat(resumed.path("cancel_at_period_end").asBoolean()).isFalse();
        assertThat(json(get("/api/v1/subscriptions/current", token)).path("billing_interval").asString()).isEqualTo("yearly");

        JsonNode portal = json(post("/api/v1/subscriptions/portal", token, null));
        assertThat(portal.path("url").asString()).contains("/api/v1/subscriptions/local-portal/cus_local_");
    }

    @Test
    void sameIdempotencyKeyReturnsTheSameCheckoutSession() {
        long userId = registeredUser();
        String token = userToken(userId);
        Map<String, String> body = Map.of("plan", "pyme", "interval", "yearly");
        JsonNode first = json(post("/api/v1/subscriptions/checkout", token, body, "key-" + userId + "-abc"));
        JsonNode second = json(post("/api/v1/subscriptions/checkout", token, body, "key-" + userId + "-abc"));
        assertThat(second.path("session_id").asString()).isEqualTo(first.path("session_id").asString());
        assertThat(first.path("amount").asInt()).isEqualTo(107890);

        ResponseEntity<String> reused = post("/api/v1/subscriptions/checkout", token,
                Map.of("plan", "emprendedor", "interval", "monthly"), "key-" + userId + "-abc");
        assertThat(reused.getStatusCode().value()).isEqualTo(409);
        assertThat(json(reused).path("error").asString()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void invalidCheckoutRequestsAreBadRequestProblems() {
        long userId = registeredUser();
        String token = userToken(userId);
        ResponseEntity<String> badInterval = post("/api/v1/subscriptions/checkout", token, Map.of("plan", "pyme", "interval", "weekly"));
        assertThat(badInterval.getStatusCode().value()).isEqualTo(400);
        assertThat(json(badInterval).path("error").asString()).isEqualTo("validation_failed");
        assertThat(json(post("/api/v1/subscriptions/checkout", token, Map.of("plan", "oro", "interval", "monthly")))
                .path("error").asString()).isEqualTo("unknown_plan");
        assertThat(json(post("/api/v1/subscriptions/checkout", token, Map.of("plan", "free", "interval", "monthly")))
                .path("error").asString()).isEqualTo("plan_not_purchasable");
        assertThat(post("/api/v1/subscriptions/checkout", token, Map.of("plan", "pyme", "interval", "monthly"), "bad key!")
                .getStatusCode().value()).isEqualTo(400);
        assertThat(post("/api/v1/subscriptions/checkout", null, Map.of("plan", "pyme", "interval", "monthly"))
                .getStatusCode().value()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM checkout_sessions WHERE user_id = :u").param("u", userId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void apiKeyTokensCannotManageBilling() {
        long userId = registeredUser();
        var tokens = cl.compraagil.testkit.TestTokens.shared();
        String apiKeyToken = tokens.token(tokens.claims(userId, java.util.List.of("user"))
                .claim("api_key_id", 7).claim("scope", "read:licitaciones").claim("amr", java.util.List.of("api_key")).build());
        ResponseEntity<String> response = post("/api/v1/subscriptions/checkout", apiKeyToken,
                Map.of("plan", "pyme", "interval", "monthly"));
        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(post("/api/v1/subscriptions/cancel", apiKeyToken, null).getStatusCode().value()).isEqualTo(403);
        assertThat(get("/api/v1/subscriptions/entitlements", apiKeyToken).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void unknownLocalCheckoutSessionIsNotFound() {
        assertThat(get("/api/v1/subscriptions/local-checkout/cs_local_nope", null).getStatusCode().value()).isEqualTo(404);
    }

    private void payFor(String token, String plan, String interval) {
        String url = json(post("/api/v1/subscriptions/checkout", token, Map.of("plan", plan, "interval", interval)))
                .path("url").asString();
        post(url.substring(("http://localhost:" + PORT).length()) + "/pay", null, null);
    }
}
