package cl.compraagil.ml.analysis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import cl.compraagil.ml.GeneratedHistory;
import cl.compraagil.ml.MlIntegrationTest;
import cl.compraagil.ml.TestWireMock;
import cl.compraagil.ml.history.importer.HistoryImporter;
import cl.compraagil.ml.licitacion.LicitacionClient;
import cl.compraagil.ml.price.PriceRecommender;
import cl.compraagil.ml.profile.CompanyProfiles;
import cl.compraagil.security.AuthenticatedUser;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.ObjectMapper;

/**
 * A Gemini outage never hangs an analysis: the real SDK adapter against a WireMock Gemini that answers 500 or
 * does not answer in time, wired into the real service, gives the local analysis labelled as such, in Spanish.
 */
class GeminiOutageTest extends MlIntegrationTest {

    private static final String CODIGO = "3100-31-COT26";
    private static final String MODEL = "gemini-outage";

    @Autowired
    HistoryImporter importer;

    @Autowired
    LicitacionClient licitaciones;

    @Autowired
    HistoricalCases history;

    @Autowired
    PriceRecommender prices;

    @Autowired
    CompanyProfiles profiles;

    @Autowired
    AnalysisStore store;

    @Autowired
    ExtractiveEngine local;

    @Autowired
    ObjectMapper mapper;

    @BeforeEach
    void licitacion() throws Exception {
        GeneratedHistory.ensureLoaded(importer);
        TestWireMock.server().stubFor(get(urlEqualTo("/api/v1/licitaciones/" + CODIGO))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"codigo": "%s", "nombre": "ADQUISICION DE RESMAS DE PAPEL",
                         "descripcion": "PLAZO DE ENTREGA 3 DÍAS HÁBILES.", "organismo": "I MUNICIPALIDAD DE VALPARAISO",
                         "region": "Región de Valparaíso", "monto_estimado": 500000, "fecha_cierre": "%s",
                         "estado": "publicada", "productos": [{"nombre": "Resma papel carta", "cantidad": 40}]}
                        """.formatted(CODIGO, LocalDate.now().plusDays(2)))));
    }

    @AfterEach
    void reset() {
        TestWireMock.server().resetAll();
    }

    private AnalysisService serviceWithGemini(Duration timeout) {
        AnalysisProperties properties = new AnalysisProperties("test-key", MODEL,
                "http://localhost:" + TestWireMock.port(), timeout, 2, "outage-" + System.nanoTime());
        GeminiEngine gemini = new GeminiEngine(properties, mapper);
        return new AnalysisService(licitaciones, history, prices, profiles, store, List.of(gemini, local), properties,
                mapper);
    }

    private static AuthenticatedUser user(long id) {
        return new AuthenticatedUser(id, "u" + id + "@example.cl", null, null, Set.of("user"), Set.of(), null);
    }

    @Test
    void geminiAnsweringServerErrorsGivesTheLabelledLocalAnalysisAfterItsRetries() {
        TestWireMock.server().stubFor(post(urlPathMatching("/v1beta/models/" + MODEL + ":generateContent"))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\": {\"code\": 500, \"status\": \"INTERNAL\"}}")));

        AnalysisView view = serviceWithGemini(Duration.ofSeconds(5))
                .run(user(601), "Bearer x", AnalysisTask.ANALYSIS, CODIGO, null, null);

        assertThat(view.engine()).isEqualTo("local_extractivo");
        assertThat(view.result().path("aviso").asString()).contains("Gemini no respondió");
        assertThat(view.result().path("resumen").asString()).isNotBlank();
        assertThat(view.result().path("precio_sugerido").path("recommended_unit_price").asLong()).isPositive();
        TestWireMock.server().verify(2, postRequestedFor(urlPathMatching(".*generateContent")));
    }

    @Test
    void geminiThatHangsGivesTheLocalAnalysisWithinTheTimeOut() {
        TestWireMock.server().stubFor(post(urlPathMatching("/v1beta/models/" + MODEL + ":generateContent"))
                .willReturn(aResponse().withFixedDelay(30_000).withStatus(200).withBody("{}")));
        long start = System.nanoTime();

        AnalysisView view = serviceWithGemini(Duration.ofMillis(700))
                .run(user(602), "Bearer x", AnalysisTask.GUIDE, CODIGO, null, null);

        assertThat(view.engine()).isEqualTo("local_extractivo");
        assertThat(view.result().path("checklist_documentos").isArray()).isTrue();
        // two attempts of 0.7 s plus the retry pause, far from the 30 s the stub would hang
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
