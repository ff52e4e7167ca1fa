package cl.compraagil.ml.competitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.compraagil.ml.GeneratedHistory;
import cl.compraagil.ml.MlIntegrationTest;
import cl.compraagil.ml.history.importer.HistoryImporter;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class CompetitorAnalysisTest extends MlIntegrationTest {

    private static final long PYME_USER = 301;
    private static final long FREE_USER = 302;

    @Autowired
    HistoryImporter importer;

    @Autowired
    ObjectMapper mapper;

    @BeforeEach
    void historyAndPlans() throws Exception {
        GeneratedHistory.ensureLoaded(importer);
        entitle(PYME_USER, "pyme", true);
        entitle(FREE_USER, "free", false);
    }

    private void entitle(long user, String plan, boolean competitors) {
        jdbc.sql("""
                INSERT INTO user_entitlements (user_id, plan, status, features, limits, changed_at)
                VALUES (:user, :plan, 'active', CAST(:features AS jsonb), '{}'::jsonb, :at)
                ON CONFLICT (user_id) DO NOTHING
                """).param("user", user).param("plan", plan)
                .param("features", "{\"competitor_analysis\": " + competitors + "}")
                .param("at", Timestamp.from(Instant.now())).update();
    }

    @Test
    void winRatesCountLosingBidsSoTheyAreNotAllOneHundredPercent() throws Exception {
        String body = mvc.perform(get("/api/v1/ml/competitors").param("product", "notebook")
                        .param("region", "Metropolitana").header("Authorization", bearer(PYME_USER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode report = mapper.readTree(body);
        assertThat(report.path("unspsc_codes").get(0).asInt()).isEqualTo(43211503);
        JsonNode top = report.path("top_competitors");
        assertThat(top.size()).isGreaterThan(3);
        long belowOne = 0;
        for (JsonNode competitor : top) {
            assertThat(competitor.path("wins").asInt()).isLessThanOrEqualTo(competitor.path("bids").asInt());
            belowOne += competitor.path("win_rate").asDouble() < 1 ? 1 : 0;
        }
        assertThat(belowOne).isGreaterThan(0);
        assertThat(top.get(0).path("typical_unit_price").asLong()).isGreaterThan(300_000);
        assertThat(report.path("summary").asString()).contains("proveedores presentaron");
    }

    @Test
    void planWithoutCompetitorAnalysisGets403WithUpgradeHint() throws Exception {
        mvc.perform(get("/api/v1/ml/competitors").param("unspsc_code", "43211503")
                        .header("Authorization", bearer(FREE_USER)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("feature_not_in_plan"))
                .andExpect(jsonPath("$.current_plan").value("free"));
    }

    @Test
    void noFilterIsA400() throws Exception {
        mvc.perform(get("/api/v1/ml/competitors").header("Authorization", bearer(PYME_USER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("validation_failed"));
    }
}
