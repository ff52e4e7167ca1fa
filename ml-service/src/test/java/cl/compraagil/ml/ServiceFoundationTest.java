package cl.compraagil.ml;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ServiceFoundationTest extends MlIntegrationTest {

    @Test
    void livenessAndReadinessAreUp() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")));
    }

    @Test
    void openApiDocumentListsTheMlEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/ml/recommend/price']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/ml/predict/probability']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/ml/models']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/ml/competitors']").exists());
    }

    @Test
    void requestWithoutTokenGets401ProblemJson() throws Exception {
        mvc.perform(post("/api/v1/ml/recommend/price").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"product\":\"papel\",\"quantity\":1}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.error").value("unauthorized"));
    }
}
