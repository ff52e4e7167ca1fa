package cl.compraagil.licitacion.mercadopublico;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.compraagil.licitacion.ServiceTest;
import cl.compraagil.licitacion.catalog.Opportunity;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.ObjectMapper;

/** Both Mercado Público clients against WireMock serving the recorded responses and the documented failures. */
class MercadoPublicoClientsTest extends ServiceTest {

    private static final String CA_LIST = "/v2/compra-agil";
    private static final String V1 = "/servicios/v1/publico/licitaciones.json";

    @Autowired
    CompraAgilClient compraAgil;

    @Autowired
    LicitacionesV1Client v1;

    @Autowired
    MercadoPublicoProperties properties;

    @Autowired
    DailyRequestBudget budget;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    TicketMutex mutex;

    @Autowired
    DataSource dataSource;

    @Test
    void compraAgilListSendsTheTicketHeaderAChangeWindowAndPagesOf50() {
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo(CA_LIST)).withHeader("ticket", equalTo("test-ticket"))
                .willReturn(okJson(Fixtures.compraAgilListEnvelope(1, 3))));
        CompraAgilClient.ListPage page = compraAgil.list(Instant.parse("2026-06-22T16:00:00Z"),
                Instant.parse("2026-06-22T18:00:00Z"), 1);
        assertThat(page.items()).hasSize(9);
        assertThat(page.totalPages()).isEqualTo(3);
        assertThat(page.hasNext()).isTrue();
        MERCADO_PUBLICO.verify(getRequestedFor(urlPathEqualTo(CA_LIST))
                .withQueryParam("cambio_desde", equalTo("2026-06-22T12:00:00"))
                .withQueryParam("cambio_hasta", equalTo("2026-06-22T14:00:00"))
                .withQueryParam("tamano_pagina", equalTo("50"))
                .withQueryParam("numero_pagina", equalTo("1")));
    }

    @Test
    void compraAgilDetailReadsTheEnvelopedPayload() {
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo(CA_LIST + "/2048-540-COT26"))
                .willReturn(okJson(Fixtures.compraAgilDetailEnvelope("ca-v2-detail-2048-540-COT26.json"))));
        Opportunity detail = compraAgil.detail("2048-540-COT26");
        assertThat(detail.items()).hasSize(2);
        assertThat(detail.cotizaciones()).hasSize(3);
    }

    @Test
    void compraAgil429IsRetriedAfterTheAdvisedPause() {
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo(CA_LIST + "/2048-540-COT26")).inScenario("429")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0"))
                .willSetStateTo("recovered"));
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo(CA_LIST + "/2048-540-COT26")).inScenario("429")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson(Fixtures.compraAgilDetailEnvelope("ca-v2-detail-2048-540-COT26.json"))));
        assertThat(compraAgil.detail("2048-540-COT26").codigo()).isEqualTo("2048-540-COT26");
        MERCADO_PUBLICO.verify(2, getRequestedFor(urlPathEqualTo(CA_LIST + "/2048-540-COT26")));
    }

    @Test
    void compraAgilBadParametersAreNotRetried() {
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo(CA_LIST)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("error-ca-v2-400-parametros-invalidos.json"))));
        assertThatThrownBy(() -> compraAgil.list(Instant.now().minusSeconds(60), Instant.now(), 1))
                .isInstanceOfSatisfying(MercadoPublicoException.class,
                        e -> assertThat(e.reason()).isEqualTo(MercadoPublicoException.Reason.BAD_REQUEST));
        MERCADO_PUBLICO.verify(1, getRequestedFor(urlPathEqualTo(CA_LIST)));
    }

    @Test
    void compraAgilInternalErrorIsRetriedThenReportedUnavailable() {
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo(CA_LIST)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("error-ca-v2-500-error-interno.json"))));
        TicketLane ownLane = new TicketLane(properties, budget, mutex);
        CompraAgilClient client = new CompraAgilClient(properties, new MercadoPublicoHttp(properties, mapper), ownLane);
        assertThatThrownBy(() -> client.list(Instant.now().minusSeconds(60), Instant.now(), 1))
                .isInstanceOfSatisfying(MercadoPublicoException.class,
                        e -> assertThat(e.reason()).isEqualTo(MercadoPublicoException.Reason.UNAVAILABLE));
        MERCADO_PUBLICO.verify(properties.maxAttempts(), getRequestedFor(urlPathEqualTo(CA_LIST)));
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndStopCallingTheApi() {
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo(V1)).willReturn(aResponse().withStatus(504)));
        TicketLane ownLane = new TicketLane(properties, budget, mutex);
        LicitacionesV1Client client = new LicitacionesV1Client(properties, new MercadoPublicoHttp(properties, mapper),
                ownLane);
        assertThatThrownBy(client::activas).isInstanceOf(MercadoPublicoException.class);
        assertThatThrownBy(client::activas).isInstanceOfSatisfying(MercadoPublicoException.class,
                e -> assertThat(e.reason()).isEqualTo(MercadoPublicoException.Reason.CIRCUIT_OPEN));
        int calls = MERCADO_PUBLICO.findAll(getRequestedFor(urlPathEqualTo(V1))).size();
        assertThatThrownBy(client::activas).isInstanceOfSatisfying(MercadoPublicoException.class,
                e -> assertThat(e.reason()).isEqualTo(MercadoPublicoException.Reason.CIRCUIT_OPEN));
        assertThat(MERCADO_PUBLICO.findAll(getRequestedFor(urlPathEqualTo(V1)))).hasSize(calls);
        assertThat(ownLane.circuitState().name()).isEqualTo("OPEN");
    }

    @Test
    void v1ActivasSendsTheTicketInTheQuery() {
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo(V1)).withQueryParam("estado", equalTo("activas"))
                .withQueryParam("ticket", equalTo("test-ticket"))
                .willReturn(okJson(Fixtures.text("v1-licitaciones-list.json"))));
        List<Opportunity> open = v1.activas();
        assertThat(open).hasSize(31);
    }

    @Test
    void v1ByFechaUsesTheDdMmYyyyFormat() {
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo(V1)).withQueryParam("fecha", equalTo("20012014"))
                .willReturn(okJson(Fixtures.text("v1-licitaciones-list.json"))));
        assertThat(v1.byFecha(LocalDate.of(2014, 1, 20))).hasSize(31);
    }

    @Test
    void v1SimultaneousRequestErrorIsRetriedWhateverItsStatus() {
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo(V1)).withQueryParam("codigo", equalTo("1509-5-L114"))
                .inScenario("10500").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.text("error-v1-10500.json")))
                .willSetStateTo("calm"));
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo(V1)).withQueryParam("codigo", equalTo("1509-5-L114"))
                .inScenario("10500").whenScenarioStateIs("calm")
                .willReturn(okJson(Fixtures.text("v1-licitacion-detail-1509-5-L114.json"))));
        Opportunity detail = v1.detail("1509-5-L114").orElseThrow();
        assertThat(detail.items()).hasSize(6);
        MERCADO_PUBLICO.verify(2, getRequestedFor(urlPathEqualTo(V1)).withQueryParam("ticket", matching(".+")));
    }

    @Test
    void v1DailyQuotaAnsweredWith203StopsWithoutRetrying() {
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo(V1)).willReturn(aResponse().withStatus(203)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.text("error-v1-203-cuota-diaria.json"))));
        int before = budget.used(LicitacionesV1Client.API);
        assertThatThrownBy(v1::activas).isInstanceOfSatisfying(MercadoPublicoException.class,
                e -> assertThat(e.reason()).isEqualTo(MercadoPublicoException.Reason.QUOTA_EXHAUSTED));
        // one attempt paid from the budget: our policy does not retry (the JDK client may resend a GET whose
        // connection dropped, which is transport-level and not counted)
        assertThat(budget.used(LicitacionesV1Client.API) - before).isEqualTo(1);
    }

    @Test
    void v1InvalidTicketIsReportedAsSuch() {
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo(V1)).willReturn(aResponse().withStatus(203)
                .withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("error-v1-203-ticket-no-valido.json"))));
        assertThatThrownBy(v1::activas).isInstanceOfSatisfying(MercadoPublicoException.class,
                e -> assertThat(e.reason()).isEqualTo(MercadoPublicoException.Reason.INVALID_TICKET));
    }

    @Test
    void htmlErrorPageWithStatus200IsATransientFailure() {
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo(V1)).inScenario("html").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Error</body></html>"))
                .willSetStateTo("json"));
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo(V1)).inScenario("html").whenScenarioStateIs("json")
                .willReturn(okJson(Fixtures.text("v1-licitaciones-list.json"))));
        assertThat(v1.activas()).hasSize(31);
    }

    @Test
    void noCallLeavesWhileAnotherReplicaIsCallingWithTheSameTicket() throws Exception {
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo(V1)).willReturn(okJson(Fixtures.text("v1-licitaciones-list.json"))));
        try (Connection otherReplica = dataSource.getConnection()) {
            lock(otherReplica, "pg_advisory_lock", mutex.key());
            CompletableFuture<Integer> call = CompletableFuture.supplyAsync(() -> v1.activas().size());
            Thread.sleep(700);
            MERCADO_PUBLICO.verify(0, getRequestedFor(urlPathEqualTo(V1)));
            assertThat(call).isNotDone();
            lock(otherReplica, "pg_advisory_unlock", mutex.key());
            assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(31);
        }
        MERCADO_PUBLICO.verify(1, getRequestedFor(urlPathEqualTo(V1)));
    }

    private static void lock(Connection connection, String function, long key) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, key);
            statement.executeQuery().close();
        }
    }

    @Test
    void dailyBudgetRefusesRequestsBeyondItsLimit() {
        String api = "budget_test_" + System.nanoTime();
        budget.consume(api, 2);
        budget.consume(api, 2);
        assertThatThrownBy(() -> budget.consume(api, 2)).isInstanceOfSatisfying(MercadoPublicoException.class,
                e -> assertThat(e.reason()).isEqualTo(MercadoPublicoException.Reason.QUOTA_EXHAUSTED));
        assertThat(budget.used(api)).isEqualTo(2);
    }
}
