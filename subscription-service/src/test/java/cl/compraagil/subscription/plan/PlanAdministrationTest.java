package cl.compraagil.subscription.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cl.compraagil.subscription.ServiceIntegrationTest;
import cl.compraagil.testkit.TestTokens;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

class PlanAdministrationTest extends ServiceIntegrationTest {

    @Test
    void adminChangesAPlansFeaturesWithAuditAndSubscribersAreToldAtOnce() {
        long subscriber = registeredUser();
        String admin = TestTokens.shared().admin(1);
        Map<String, Object> body = update(3, "Campaña de verano");

        ResponseEntity<String> changed = put("/api/v1/subscriptions/plans/free/features", admin, body);

        assertThat(changed.getStatusCode().value()).isEqualTo(200);
        assertThat(json(changed).path("limits").path("ai_analysis").asInt()).isEqualTo(3);
        JsonNode last = outboxEvents("subscription.changed", subscriber).get(1);
        assertThat(last.path("limits").path("ai_analysis").asInt()).isEqualTo(3);
        JsonNode audit = json(get("/api/v1/subscriptions/plans/free/feature-changes", admin));
        assertThat(audit.path(0).path("changed_by").asLong()).isEqualTo(1);
        assertThat(audit.path(0).path("reason").asString()).isEqualTo("Campaña de verano");
        assertThat(audit.path(0).path("previous").path("limits").path("ai_analysis").asInt()).isEqualTo(2);
        JsonNode shared = outboxEvents("audit.recorded", 1).stream()
                .filter(line -> line.path("details").path("reason").asString().equals("Campaña de verano")).findFirst()
                .orElseThrow(() -> new AssertionError("the plan edit was not sent to the shared audit log"));
        assertThat(shared.path("action").asString()).isEqualTo("plan_features_changed");
        assertThat(shared.path("details").path("plan").asString()).isEqualTo("free");
        assertThat(shared.path("details").path("new").path("limits").path("ai_analysis").asInt()).isEqualTo(3);

        put("/api/v1/subscriptions/plans/free/features", admin, update(2, "Fin de campaña"));
        assertThat(json(get("/api/v1/subscriptions/plans", null)).path(0).path("limits").path("ai_analysis").asInt()).isEqualTo(2);
    }

    @Test
    void nonAdminCannotChangeAPlan() {
        ResponseEntity<String> response = put("/api/v1/subscriptions/plans/pyme/features", userToken(newUserId()),
                update(99, "no"));
        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_events WHERE event_type = 'audit.recorded' AND payload -> 'data' -> 'details' ->> 'reason' = 'no'")
                .query(Long.class).single()).isZero();
        assertThat(json(get("/api/v1/subscriptions/plans", null)).path(2).path("limits").path("ai_analysis").asInt()).isEqualTo(10);
    }

    @Test
    void incompleteOrNegativeFeaturesAreRejected() {
        String admin = TestTokens.shared().admin(1);
        Map<String, Object> missing = update(3, "x");
        ((Map<?, ?>) missing.get("limits")).remove("searches");
        ResponseEntity<String> incomplete = put("/api/v1/subscriptions/plans/pyme/features", admin, missing);
        assertThat(incomplete.getStatusCode().value()).isEqualTo(400);
        assertThat(json(incomplete).path("error").asString()).isEqualTo("invalid_plan_features");
        assertThat(put("/api/v1/subscriptions/plans/pyme/features", admin, update(-1, "x")).getStatusCode().value())
                .isEqualTo(400);
        assertThat(put("/api/v1/subscriptions/plans/oro/features", admin, update(1, "x")).getStatusCode().value())
                .isEqualTo(404);
    }

    private ResponseEntity<String> put(String path, String token, Object body) {
        return http.put().uri(path).headers(h -> h.setBearerAuth(token))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
    }

    private static Map<String, Object> update(int aiAnalysis, String reason) {
        Map<String, Integer> limits = new LinkedHashMap<>();
        limits.put("ai_analysis", aiAnalysis);
        limits.put("searches", 50);
        limits.put("api_calls", 0);
        limits.put("saved_licitaciones", 5);
        limits.put("alert_rules", 0);
        limits.put("exports_per_month", 0);
        limits.put("organization_seats", 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("limits", limits);
        body.put("features", Map.of("web_dashboard", false, "api_keys", false, "customer_webhooks", false,
                "competitor_analysis", false));
        body.put("reason", reason);
        return body;
    }
}
