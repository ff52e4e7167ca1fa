package cl.compraagil.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

class ServiceFoundationTest extends ServiceIntegrationTest {

    @Test
    void livenessAndReadinessAreUp() {
        assertThat(json(get("/actuator/health/liveness", null)).path("status").asString()).isEqualTo("UP");
        assertThat(json(get("/actuator/health/readiness", null)).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreExposed() {
        ResponseEntity<String> metrics = get("/actuator/prometheus", null);
        assertThat(metrics.getStatusCode().value()).isEqualTo(200);
        assertThat(metrics.getBody()).contains("jvm_memory_used_bytes").contains("application=\"subscription-service\"");
    }

    @Test
    void openApiDocumentListsTheSubscriptionEndpoints() {
        JsonNode paths = json(get("/v3/api-docs", null)).path("paths");
        assertThat(paths.has("/api/v1/subscriptions/current")).isTrue();
        assertThat(paths.has("/api/v1/subscriptions/checkout")).isTrue();
        assertThat(paths.has("/api/v1/webhooks/stripe")).isTrue();
        assertThat(paths.has("/api/v1/usage")).isTrue();
    }

    @Test
    void protectedPathWithoutTokenIsAnUnauthorizedProblem() {
        ResponseEntity<String> response = get("/api/v1/subscriptions/current", null);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json(response).path("error").asString()).isEqualTo("unauthorized");
    }

    @Test
    void plansArePublicWithTheirPricesAndUnlimitedAsNull() {
        ResponseEntity<String> response = get("/api/v1/subscriptions/plans", null);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode plans = json(response);
        assertThat(plans).hasSize(4);
        assertThat(plans.path(0).path("name").asString()).isEqualTo("free");
        JsonNode pyme = plans.path(2);
        assertThat(pyme.path("name").asString()).isEqualTo("pyme");
        assertThat(pyme.path("price_monthly").asInt()).isEqualTo(9990);
        assertThat(pyme.path("price_yearly").asInt()).isEqualTo(107890);
        assertThat(pyme.path("limits").path("ai_analysis").asInt()).isEqualTo(10);
        assertThat(pyme.path("limits").path("saved_licitaciones").isNull()).isTrue();
        assertThat(pyme.path("features").path("competitor_analysis").asBoolean()).isTrue();
        JsonNode profesional = plans.path(3);
        assertThat(profesional.path("limits").path("ai_analysis").isNull()).isTrue();
        assertThat(profesional.path("limits").path("api_calls").asInt()).isEqualTo(100);
        assertThat(profesional.path("features").path("api_keys").asBoolean()).isTrue();
        assertThat(plans.path(0).path("price_yearly").isNull()).isTrue();
    }
}
