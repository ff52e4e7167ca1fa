package cl.compraagil.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

class FoundationIT extends IntegrationTest {

    @Test
    void livenessAndReadinessAreUp() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() throws Exception {
        String body = mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("jvm_memory_used_bytes").contains("application=\"notification-service\"");
    }

    @Test
    void openApiDocumentListsTheServiceEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/notifications']").exists())
;
    }

    @Test
    void requestWithoutTokenIsRejectedWithProblemJson() throws Exception {
        mvc.perform(get("/api/v1/notifications")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.error").value("unauthorized"));
    }

    @Test
    void flywayCreatedTheSeedTables() {
        long tables = jdbc.sql("""
                SELECT count(*) FROM information_schema.tables WHERE table_name IN
                ('webhook_endpoints', 'webhook_deliveries', 'notifications', 'alert_rules', 'user_contacts', 'outbox_events')
                """).query(Long.class).single();
        assertThat(tables).isEqualTo(6);
    }
}
