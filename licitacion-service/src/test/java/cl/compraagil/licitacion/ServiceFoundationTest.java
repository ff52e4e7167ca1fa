package cl.compraagil.licitacion;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

class ServiceFoundationTest extends ServiceTest {

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
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }

    @Test
    void openApiDocumentListsTheSearchEndpoint() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/licitaciones']").exists());
    }

    @Test
    void protectedPathWithoutTokenAnswers401Problem() throws Exception {
        mvc.perform(get("/api/v1/licitaciones"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.error").value("unauthorized"));
    }

    @Test
    void schemaHasTheSeedTablesAndTheSpanishSearchConfiguration() {
        Long tables = jdbc.sql("""
                SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'
                AND table_name IN ('licitaciones', 'licitacion_items', 'saved_licitaciones', 'company_profiles')
                """).query(Long.class).single();
        String stemmed = jdbc.sql("SELECT to_tsvector('es_unaccent', 'Adquisición de Computadores')::text")
                .query(String.class).single();
        org.assertj.core.api.Assertions.assertThat(tables).isEqualTo(4);
        org.assertj.core.api.Assertions.assertThat(stemmed).contains("adquisicion").contains("comput");
    }
}
