package cl.compraagil.ml.winmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.compraagil.ml.GeneratedHistory;
import cl.compraagil.ml.MlIntegrationTest;
import cl.compraagil.ml.history.importer.HistoryImporter;
import cl.compraagil.testkit.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class WinModelTest extends MlIntegrationTest {

    private static String trainedVersion;

    @Autowired
    HistoryImporter importer;

    @Autowired
    ObjectMapper mapper;

    @BeforeEach
    void trainedModel() throws Exception {
        GeneratedHistory.ensureLoaded(importer);
        if (trainedVersion == null) {
            String body = mvc.perform(post("/api/v1/ml/models/train")
                            .header("Authorization", "Bearer " + TestTokens.shared().admin(1)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            trainedVersion = mapper.readTree(body).path("version").asString();
        }
    }

    @Test
    void heldOutMetricsBeatTheBotOnAucAndPriceError() throws Exception {
        String body = mvc.perform(get("/api/v1/ml/models").header("Authorization", bearer(5)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode active = null;
        for (JsonNode version : mapper.readTree(body)) {
            if (version.path("active").asBoolean()) {
                active = version;
            }
        }
        assertThat(active).isNotNull();
        JsonNode metrics = active.path("metrics");
        assertThat(active.path("train_size").asInt()).isGreaterThan(1000);
        assertThat(active.path("test_from").asString()).isGreaterThan(active.path("train_to").asString());
        assertThat(metrics.path("win_model").path("auc").asDouble()).isGreaterThanOrEqualTo(0.75)
                .isGreaterThan(metrics.path("bot_rule").path("auc").asDouble());
        assertThat(metrics.path("win_model").path("brier").asDouble())
                .isLessThan(metrics.path("bot_rule").path("brier").asDouble());
        assertThat(metrics.path("win_model").path("calibration").size()).isGreaterThan(3);
        assertThat(metrics.path("price_error").path("mape_reduction").asDouble()).isGreaterThanOrEqualTo(0.2);
    }

    @Test
    void aCheaperOfferHasAHigherProbabilityWithReasonsInSpanish() throws Exception {
        double cheap = probability(3600);
        double expensive = probability(5200);
        assertThat(cheap).isGreaterThan(expensive);
        mvc.perform(post("/api/v1/ml/predict/probability").header("Authorization", bearer(5))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"product\": \"resma papel carta\", \"offered_unit_price\": 3600, \"bidders\": 3}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unspsc_code").value(14111507))
                .andExpect(jsonPath("$.reasons[0]").value(containsString("bajo la mediana")));
    }

    @Test
    void aLicitacionCodeSuppliesProductRegionAndDaysToClose() throws Exception {
        cl.compraagil.ml.TestWireMock.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/v1/licitaciones/7000-7-COT26"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withHeader("Content-Type", "application/json").withBody("""
                                {"codigo": "7000-7-COT26", "nombre": "RESMAS", "region": "Región del Biobío",
                                 "fecha_cierre": "%s", "productos": ["Resma papel carta 75 gr"]}
                                """.formatted(java.time.LocalDate.now().plusDays(3)))));
        mvc.perform(post("/api/v1/ml/predict/probability").header("Authorization", bearer(5))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"codigo\": \"7000-7-COT26\", \"offered_unit_price\": 4000}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unspsc_code").value(14111507))
                .andExpect(jsonPath("$.probability").isNumber());
    }

    @Test
    void onlyAnAdminMayRetrain() throws Exception {
        mvc.perform(post("/api/v1/ml/models/train").header("Authorization", bearer(5)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("forbidden"));
    }

    @Test
    void invalidBidIsRejectedWithSpanishMessages() throws Exception {
        mvc.perform(post("/api/v1/ml/predict/probability").header("Authorization", bearer(5))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unspsc_code\": 14111507, \"offered_unit_price\": 0, \"supplier_rut\": \"abc\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'supplierRut')].message")
                        .value("El RUT debe tener el formato 12.345.678-9."));
    }

    private double probability(long price) throws Exception {
        String body = mvc.perform(post("/api/v1/ml/predict/probability").header("Authorization", bearer(5))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unspsc_code\": 14111507, \"offered_unit_price\": " + price + ", \"bidders\": 3}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return mapper.readTree(body).path("probability").asDouble();
    }
}
