package cl.compraagil.ml.price;

import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.compraagil.ml.GeneratedHistory;
import cl.compraagil.ml.MlIntegrationTest;
import cl.compraagil.ml.history.importer.HistoryImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class PriceRecommendationTest extends MlIntegrationTest {

    @Autowired
    HistoryImporter importer;

    @BeforeEach
    void history() throws Exception {
        GeneratedHistory.ensureLoaded(importer);
    }

    private org.springframework.test.web.servlet.ResultActions recommend(String json) throws Exception {
        return mvc.perform(post("/api/v1/ml/recommend/price").header("Authorization", bearer(21))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void spanishProductTextFindsComparablesAndAnswersDistributionCurveAndMargin() throws Exception {
        recommend("""
                {"product": "resmas de papel carta", "quantity": 40, "region": "Región de Valparaíso", "unit_cost": 3000}
                """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unspsc_codes[0]").value(14111507))
                // the generator's fair price for paper is about 4.200 CLP per unit
                .andExpect(jsonPath("$.recommended_unit_price").value(greaterThan(3300)))
                .andExpect(jsonPath("$.recommended_unit_price").value(lessThan(5200)))
                .andExpect(jsonPath("$.recommended_total_price").value(greaterThan(3300 * 40)))
                .andExpect(jsonPath("$.winning_price_distribution.p10").value(lessThan(4500)))
                .andExpect(jsonPath("$.win_probability_curve", hasSize(7)))
                .andExpect(jsonPath("$.margin_maximising.unit_price").value(greaterThan(3000)))
                .andExpect(jsonPath("$.confidence").value("alta"))
                .andExpect(jsonPath("$.sample_size.winning_bids").value(greaterThan(30)))
                .andExpect(jsonPath("$.comparables", hasSize(8)))
                .andExpect(jsonPath("$.explanation").value(containsString("cotizaciones ganadoras")));
    }

    @Test
    void cheaperPricesHaveAHigherChanceOfWinning() throws Exception {
        String body = recommend("{\"unspsc_code\": 43211503, \"quantity\": 2}").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        tools.jackson.databind.JsonNode curve = new tools.jackson.databind.ObjectMapper().readTree(body)
                .path("win_probability_curve");
        org.assertj.core.api.Assertions.assertThat(curve.get(0).path("probability").asDouble())
                .isGreaterThan(curve.get(6).path("probability").asDouble());
    }

    @Test
    void unknownProductSaysPlainlyThereIsNotEnoughData() throws Exception {
        recommend("{\"product\": \"helicoptero anfibio blindado\", \"quantity\": 1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.confidence").value("insuficiente"))
                .andExpect(jsonPath("$.recommended_unit_price").doesNotExist())
                .andExpect(jsonPath("$.explanation").value(containsString("No encontramos")));
    }

    @Test
    void missingProductAndCodeIsA400InSpanishWithNothingComputed() throws Exception {
        recommend("{\"quantity\": 0}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.error").value("validation_failed"))
                .andExpect(jsonPath("$.errors[?(@.field == 'quantity')].message").value("La cantidad debe ser al menos 1."))
                .andExpect(jsonPath("$.errors[?(@.field == 'productGiven')].message")
                        .value("Indica el producto (texto) o su código UNSPSC."));
    }
}
