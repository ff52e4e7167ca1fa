package cl.compraagil.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 6's acceptance through the gateway on the packaged suite: every market-intelligence endpoint answers in
 * Spanish and is counted as {@code ai_analysis} (a free user gets two a day, then issue 4's 429 problem), and a Gemini
 * outage (the WireMock Gemini failing, or hanging beyond {@code GEMINI_TIMEOUT}) gives the local analysis or a clear
 * 503 problem within a bounded time. The opportunities analysed are ingested from the WireMock Mercado Público.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MlThroughGatewayTest {

    /** Words any Spanish sentence of these answers contains; an English or empty text has none of them. */
    private static final Pattern SPANISH = Pattern.compile(
            "(?iU)\\b(de|la|el|los|las|del|para|con|precio|licitación|oferta|según|sin|más|años?)\\b");
    /** Gateway time-out 4 s, Gemini time-out 3 s: the answer must come well before a user gives up. */
    private static final Duration BOUNDED = Duration.ofSeconds(12);
    private static final String GEMINI = "/v1beta/models/.*";

    private static RunningSuite suite;
    private static Gateway gateway;
    private static String profesional;
    private static String notebooks;
    private static String papel;
    private static String geminiFailing;
    private static String geminiHanging;

    @BeforeAll
    static void profesionalUserAndFourOpportunities() {
        suite = RunningSuite.get();
        gateway = new Gateway(suite.gatewayUrl());
        profesional = AlertsAccounts.registerWithFreePlan(gateway, AlertsAccounts.freshEmail("ml-pro"));
        AlertsAccounts.buyPlan(gateway, profesional, "profesional");
        notebooks = AlertsMercadoPublico.freshCodigo();
        papel = AlertsMercadoPublico.freshCodigo();
        geminiFailing = AlertsMercadoPublico.freshCodigo();
        geminiHanging = AlertsMercadoPublico.freshCodigo();
        AlertsMercadoPublico.publishAndAwaitIngestion(suite.thirdParties().mercadoPublico(), gateway, profesional, List.of(
                new AlertsMercadoPublico.Opportunity(notebooks, "Adquisición de notebooks para liceo municipal",
                        "Computadores notebook", 43211503, "Notebook 14 pulgadas, 16 GB RAM, SSD 512 GB", 10, 6_500_000),
                new AlertsMercadoPublico.Opportunity(papel, "Compra de resmas de papel tamaño carta",
                        "Papel para impresora o fotocopiadora", 14111507, "Resma papel carta 75 g, 500 hojas", 200, 900_000),
                new AlertsMercadoPublico.Opportunity(geminiFailing, "Adquisición de tóner para impresoras láser",
                        "Tóner para impresoras o fax", 44103103, "Tóner negro compatible HP 85A", 30, 1_200_000),
                new AlertsMercadoPublico.Opportunity(geminiHanging, "Compra de mascarillas desechables",
                        "Mascarillas o accesorios de protección", 42131606, "Mascarilla quirúrgica 3 pliegues, caja 50", 100,
                        800_000)));
    }

    @Test
    @Order(1)
    void geminiAnsweringErrorsGivesTheLocalAnalysisQuickly() {
        WireMockServer gemini = suite.thirdParties().gemini();
        StubMapping failing = gemini.stubFor(post(urlPathMatching(GEMINI)).atPriority(1).willReturn(aResponse()
                .withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":500,\"message\":\"Internal error encountered.\",\"status\":\"INTERNAL\"}}")));
        try {
            long started = System.nanoTime();
            HttpResponse<String> analysis = gateway.postJson("/api/v1/ml/analysis/" + geminiFailing, "{}", profesional);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(analysis.statusCode()).as(analysis.body()).isEqualTo(200);
            assertThat((String) JsonPath.read(analysis.body(), "$.engine")).isEqualTo("local_extractivo");
            assertThat((String) JsonPath.read(analysis.body(), "$.result.aviso")).contains("Gemini");
            assertThat((String) JsonPath.read(analysis.body(), "$.result.resumen")).containsPattern(SPANISH);
            assertThat(took).isLessThan(BOUNDED);
            assertThat(gemini.findAll(postRequestedFor(urlPathMatching(GEMINI)))).as("Gemini was asked first").isNotEmpty();
        } finally {
            gemini.removeStub(failing);
        }
    }

    @Test
    @Order(2)
    void geminiHangingBeyondItsTimeOutNeverHangsTheRequest() {
        WireMockServer gemini = suite.thirdParties().gemini();
        StubMapping hanging = gemini.stubFor(post(urlPathMatching(GEMINI)).atPriority(1).willReturn(aResponse()
                .withFixedDelay(20_000).withHeader("Content-Type", "application/json").withBody("{}")));
        try {
            long started = System.nanoTime();
            HttpResponse<String> analysis = gateway.postJson("/api/v1/ml/analysis/" + geminiHanging, "{}", profesional);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).as("bounded response time").isLessThan(BOUNDED);
            assertThat(analysis.statusCode()).as(analysis.body()).isIn(200, 503);
            if (analysis.statusCode() == 503) {
                assertThat(analysis.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
                assertThat((String) JsonPath.read(analysis.body(), "$.detail")).containsPattern(SPANISH);
                // the service finishes with its local analyser after the gateway gave up: the next call has it
                Gateway.sleep(6_000);
                started = System.nanoTime();
                analysis = gateway.postJson("/api/v1/ml/analysis/" + geminiHanging, "{}", profesional);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUNDED);
                assertThat(analysis.statusCode()).as(analysis.body()).isIn(200, 503);
            }
            if (analysis.statusCode() == 200) {
                assertThat((String) JsonPath.read(analysis.body(), "$.engine")).isEqualTo("local_extractivo");
                assertThat((String) JsonPath.read(analysis.body(), "$.result.resumen")).containsPattern(SPANISH);
            }
        } finally {
            gemini.removeStub(hanging);
        }
    }

    @Test
    @Order(3)
    void everyEndpointAnswersInSpanish() {
        HttpResponse<String> price = gateway.postJson("/api/v1/ml/recommend/price", """
                {"product":"notebook 14 pulgadas","unspsc_code":43211503,"quantity":10,
                 "region":"Región Metropolitana de Santiago","unit_cost":350000}""", profesional);
        assertThat(price.statusCode()).as(price.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(price.body(), "$.explanation")).containsPattern(SPANISH);
        assertThat((String) JsonPath.read(price.body(), "$.confidence")).isIn("alta", "media", "baja", "insuficiente");

        // the win model trains in the background on the history ml-service generates at its first start, which can
        // outlast this test on a loaded CI machine: until then the answer is the Spanish 503 model_unavailable problem
        HttpResponse<String> probability = gateway.postJson("/api/v1/ml/predict/probability",
                "{\"codigo\":\"" + notebooks + "\",\"offered_unit_price\":450000,\"bidders\":3}", profesional);
        // 422 insufficient_history: the generated history can hold too few winning quotes of this product to say
        assertThat(probability.statusCode()).as(probability.body()).isIn(200, 422, 503);
        if (probability.statusCode() == 422) {
            assertThat((String) JsonPath.read(probability.body(), "$.error")).isEqualTo("insufficient_history");
            assertThat((String) JsonPath.read(probability.body(), "$.detail")).containsPattern(SPANISH);
        } else if (probability.statusCode() == 200) {
            double p = ((Number) JsonPath.read(probability.body(), "$.probability")).doubleValue();
            assertThat(p).isBetween(0.0, 1.0);
            List<String> reasons = JsonPath.read(probability.body(), "$.reasons");
            assertThat(reasons).isNotEmpty().allSatisfy(reason -> assertThat(reason).containsPattern(SPANISH));
        } else {
            assertThat((String) JsonPath.read(probability.body(), "$.error")).isEqualTo("model_unavailable");
            assertThat((String) JsonPath.read(probability.body(), "$.detail")).containsPattern(SPANISH);
        }

        HttpResponse<String> competitors = gateway.get("/api/v1/ml/competitors?unspsc_code=43211503&months=24", profesional);
        assertThat(competitors.statusCode()).as(competitors.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(competitors.body(), "$.summary")).containsPattern(SPANISH);

        HttpResponse<String> analysis = gateway.postJson("/api/v1/ml/analysis/" + notebooks, "{}", profesional);
        assertThat(analysis.statusCode()).as(analysis.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(analysis.body(), "$.result.resumen")).containsPattern(SPANISH);
        assertThat(JsonPath.read(analysis.body(), "$.result.que_se_pide").toString()).isNotBlank();

        HttpResponse<String> guide = gateway.postJson("/api/v1/ml/analysis/" + notebooks + "/quoting-guide", "{}",
                profesional);
        assertThat(guide.statusCode()).as(guide.body()).isEqualTo(200);
        assertThat(JsonPath.read(guide.body(), "$.result.checklist_documentos").toString()).containsPattern(SPANISH);

        HttpResponse<String> draft = gateway.postJson("/api/v1/ml/analysis/" + notebooks + "/bid-draft?format=correo",
                "{}", profesional);
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(draft.body(), "$.result.cuerpo")).containsPattern(SPANISH);

        HttpResponse<String> comparison = gateway.postJson("/api/v1/ml/analysis/compare",
                "{\"codigo_a\":\"" + notebooks + "\",\"codigo_b\":\"" + papel + "\"}", profesional);
        assertThat(comparison.statusCode()).as(comparison.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(comparison.body(), "$.result.recomendacion")).isIn("A", "B");
        assertThat((String) JsonPath.read(comparison.body(), "$.result.razon_principal")).containsPattern(SPANISH);

        long analysisId = ((Number) JsonPath.read(analysis.body(), "$.id")).longValue();
        HttpResponse<String> feedback = gateway.postJson("/api/v1/ml/analysis/" + analysisId + "/feedback",
                "{\"liked\":true,\"comment\":\"Muy útil para cotizar\"}", profesional);
        assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(204);
    }

    @Test
    @Order(4)
    void freeUserGetsTwoAnalysesADayThenTheQuotaProblem() {
        String free = AlertsAccounts.registerWithFreePlan(gateway, AlertsAccounts.freshEmail("ml-free"));
        String price = "{\"product\":\"resma papel carta\",\"unspsc_code\":14111507,\"quantity\":200}";
        for (int i = 1; i <= 2; i++) {
            HttpResponse<String> allowed = gateway.postJson("/api/v1/ml/recommend/price", price, free);
            assertThat(allowed.statusCode()).as("call " + i + ": " + allowed.body()).isEqualTo(200);
            assertThat((String) JsonPath.read(allowed.body(), "$.explanation")).containsPattern(SPANISH);
        }
        for (HttpResponse<String> refused : List.of(
                gateway.postJson("/api/v1/ml/recommend/price", price, free),
                gateway.postJson("/api/v1/ml/analysis/" + papel, "{}", free),
                gateway.postJson("/api/v1/ml/predict/probability",
                        "{\"codigo\":\"" + papel + "\",\"offered_unit_price\":3500}", free))) {
            assertThat(refused.statusCode()).as(refused.request().uri() + " " + refused.body()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            Map<String, Object> problem = JsonPath.read(refused.body(), "$");
            assertThat(problem).containsEntry("status", 429).containsEntry("error", "rate_limit_exceeded")
                    .containsEntry("current_plan", "free").containsEntry("limit", 2)
                    .containsEntry("resource", "ai_analysis").containsEntry("upgrade_url", "/pricing")
                    .containsEntry("detail", "Has excedido el límite de 2 ai_analysis por día");
        }
    }

    @Test
    @Order(5)
    void competitorAnalysisIsCountedAsAiAnalysisToo() {
        int before = aiAnalysisUsedToday(profesional);
        HttpResponse<String> competitors = gateway.get("/api/v1/ml/competitors?unspsc_code=14111507", profesional);
        assertThat(competitors.statusCode()).as(competitors.body()).isEqualTo(200);
        HttpResponse<String> usage = AlertsMercadoPublico.awaitSlowly(gateway, "/api/v1/usage", profesional,
                r -> r.statusCode() == 200 && usedToday(r.body()) > before, Duration.ofSeconds(15));
        assertThat(usedToday(usage.body())).as(usage.body()).isEqualTo(before + 1);
    }

    private static int aiAnalysisUsedToday(String token) {
        HttpResponse<String> usage = gateway.get("/api/v1/usage", token);
        assertThat(usage.statusCode()).as(usage.body()).isEqualTo(200);
        return usedToday(usage.body());
    }

    private static int usedToday(String usageBody) {
        List<Number> used = JsonPath.read(usageBody, "$.resources[?(@.resource == 'ai_analysis')].used_today");
        return used.isEmpty() ? 0 : used.get(0).intValue();
    }
}
