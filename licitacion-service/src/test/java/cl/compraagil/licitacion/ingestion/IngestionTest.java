package cl.compraagil.licitacion.ingestion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cl.compraagil.licitacion.OpportunityBuilder;
import cl.compraagil.licitacion.ServiceTest;
import cl.compraagil.licitacion.catalog.ClosingSweep;
import cl.compraagil.licitacion.catalog.OpportunityIngest;
import cl.compraagil.licitacion.mercadopublico.Fixtures;
import cl.compraagil.licitacion.mercadopublico.MercadoPublicoException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Polling against WireMock serving the recorded responses: upserts, change detection and events. */
class IngestionTest extends ServiceTest {

    @Autowired
    IngestionRunner runner;

    @Autowired
    OpportunityIngest ingest;

    @Autowired
    ClosingSweep closingSweep;

    @Autowired
    LocalFeed localFeed;

    @Autowired
    DataSource dataSource;

    @Test
    void compraAgilPollStoresEveryProcessFetchesDetailsAndAnnouncesNewOnes() {
        stubCompraAgil();
        RunSummary summary = runner.run(Source.COMPRA_AGIL).orElseThrow();
        assertThat(summary.listed()).isEqualTo(11);
        assertThat(summary.detailed()).isEqualTo(2);
        assertThat(events("licitacion.new", "5067-1535-COT26")).hasSize(1);
        assertThat(events("licitacion.new", "744835-588-COT26")).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM licitacion_items i JOIN licitaciones l ON l.id = i.licitacion_id "
                + "WHERE l.codigo = '2048-540-COT26'").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT watermark FROM ingestion_state WHERE source = 'compra_agil_v2'")
                .query(java.sql.Timestamp.class).single()).isNotNull();

        RunSummary again = runner.run(Source.COMPRA_AGIL).orElseThrow();
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(events("licitacion.new", "5067-1535-COT26")).hasSize(1);
    }

    @Test
    void stateChangeIsPublishedWithThePreviousStateAndAlertsWhoSavedIt() {
        ingest.ingest(OpportunityBuilder.compraAgil("2048-540-COT26").nombre("KIT MALETÍN PARA DERRAMES").listOnly()
                .estado("publicada").build());
        jdbc.sql("INSERT INTO saved_licitaciones (user_id, codigo, note) VALUES (77, '2048-540-COT26', 'revisar') "
                + "ON CONFLICT DO NOTHING").update();
        stubCompraAgil();
        runner.run(Source.COMPRA_AGIL).orElseThrow();
        List<JsonNode> updates = events("licitacion.updated", "2048-540-COT26");
        JsonNode updated = updates.get(updates.size() - 1);
        assertThat(updated.path("data").path("estado").asString()).isEqualTo("desierta");
        assertThat(updated.path("data").path("previous_estado").asString()).isEqualTo("publicada");
        assertThat(updated.path("data").path("unspsc_codes").toString()).contains("24111805");
        JsonNode alert = events("saved_licitacion.alert", "77").stream()
                .filter(e -> e.path("data").path("codigo").asString().equals("2048-540-COT26"))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(alert.path("data").path("reason").asString()).isEqualTo("estado_changed");
        assertThat(alert.path("data").path("user_id").asLong()).isEqualTo(77);
    }

    @Test
    void closingIsAnnouncedOncePerWindowAndOnlyTheNarrowestWhenFirstSeenLate() {
        Instant now = Instant.now();
        ingest.ingest(OpportunityBuilder.compraAgil("9200-1-COT26").cierre(now.plus(Duration.ofMinutes(90))).build());
        ingest.ingest(OpportunityBuilder.compraAgil("9200-2-COT26").cierre(now.plus(Duration.ofHours(20))).build());
        ingest.ingest(OpportunityBuilder.compraAgil("9200-3-COT26").cierre(now.plus(Duration.ofHours(30))).build());
        jdbc.sql("INSERT INTO saved_licitaciones (user_id, codigo) VALUES (78, '9200-1-COT26')").update();
        closingSweep.sweep();
        closingSweep.sweep();
        assertThat(events("licitacion.closing", "9200-1-COT26")).singleElement()
                .satisfies(e -> assertThat(e.path("data").path("hours_to_close").asInt()).isEqualTo(2));
        assertThat(events("licitacion.closing", "9200-2-COT26")).singleElement()
                .satisfies(e -> assertThat(e.path("data").path("hours_to_close").asInt()).isEqualTo(24));
        assertThat(events("licitacion.closing", "9200-3-COT26")).isEmpty();
        assertThat(events("saved_licitacion.alert", "78")).singleElement()
                .satisfies(e -> assertThat(e.path("data").path("reason").asString()).isEqualTo("closing"));
    }

    @Test
    void everyStateOfTheLifecycleAndTheSecondCallIsPublishedAndAlertsWhoSavedIt() {
        String codigo = "9300-1-COT26";
        Instant now = Instant.now();
        OpportunityBuilder firstCall = OpportunityBuilder.compraAgil(codigo).nombre("Compra de resmas de papel")
                .cierre(now.plus(Duration.ofMinutes(60)));
        ingest.ingest(firstCall.build());
        jdbc.sql("INSERT INTO saved_licitaciones (user_id, codigo) VALUES (79, :codigo)").param("codigo", codigo).update();
        closingSweep.sweep();
        ingest.ingest(firstCall.estado("cerrada").build());
        // nobody quoted: the buyer opens a second call, with its own closing date
        Instant secondClosing = now.plus(Duration.ofMinutes(100));
        ingest.ingest(firstCall.estado("publicada").convocatoria(2).cierre(secondClosing).build());
        closingSweep.sweep();
        ingest.ingest(firstCall.estado("cerrada").build());
        ingest.ingest(firstCall.estado("proveedor_seleccionado").build());

        List<JsonNode> updates = events("licitacion.updated", codigo);
        assertThat(updates).extracting(e -> e.path("data").path("previous_estado").asString() + "→"
                + e.path("data").path("estado").asString())
                .containsExactly("publicada→cerrada", "cerrada→publicada", "publicada→cerrada",
                        "cerrada→proveedor_seleccionado");
        JsonNode secondCall = updates.get(1).path("data");
        assertThat(secondCall.path("convocatoria").asInt()).isEqualTo(2);
        assertThat(secondCall.path("changed_fields").toString()).contains("convocatoria", "fecha_cierre", "estado");

        List<JsonNode> closings = events("licitacion.closing", codigo);
        assertThat(closings).hasSize(2);
        assertThat(closings.get(0).path("data").path("convocatoria").asInt()).isEqualTo(1);
        assertThat(closings.get(1).path("data").path("convocatoria").asInt()).isEqualTo(2);
        assertThat(closings.get(1).path("data").path("hours_to_close").asInt()).isEqualTo(2);
        assertThat(Instant.parse(closings.get(1).path("data").path("fecha_cierre").asString()))
                .isCloseTo(secondClosing, within(1, ChronoUnit.MILLIS));

        assertThat(events("saved_licitacion.alert", "79")).extracting(e -> e.path("data").path("reason").asString())
                .containsExactly("closing", "estado_changed", "segundo_llamado", "closing", "estado_changed",
                        "estado_changed");
        JsonNode secondCallAlert = events("saved_licitacion.alert", "79").get(2).path("data");
        assertThat(secondCallAlert.path("convocatoria").asInt()).isEqualTo(2);
        assertThat(secondCallAlert.path("previous_estado").asString()).isEqualTo("cerrada");
    }

    @Test
    void onlyOneReplicaPollsASourceAtATime() throws Exception {
        try (Connection other = dataSource.getConnection();
             PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, ClusterLock.key("poll-" + Source.COMPRA_AGIL.name()));
            lock.executeQuery().close();
            assertThat(runner.run(Source.COMPRA_AGIL)).isEmpty();
            try (PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, ClusterLock.key("poll-" + Source.COMPRA_AGIL.name()));
                unlock.executeQuery().close();
            }
        }
    }

    @Test
    void licitacionesPollReadsTheOpenListAndDetails() {
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo("/servicios/v1/publico/licitaciones.json"))
                .withQueryParam("estado", equalTo("activas"))
                .willReturn(okJson(Fixtures.text("v1-licitaciones-list.json"))));
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo("/servicios/v1/publico/licitaciones.json"))
                .withQueryParam("codigo", equalTo("1509-5-L114")).atPriority(1)
                .willReturn(okJson(Fixtures.text("v1-licitacion-detail-1509-5-L114.json"))));
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo("/servicios/v1/publico/licitaciones.json"))
                .withQueryParam("codigo", com.github.tomakehurst.wiremock.client.WireMock.matching(".+")).atPriority(5)
                .willReturn(okJson("{\"Cantidad\":0,\"FechaCreacion\":\"2026-11-26T05:00:00\",\"Version\":\"v1\",\"Listado\":[]}")));
        RunSummary summary = runner.run(Source.LICITACIONES).orElseThrow();
        assertThat(summary.listed()).isEqualTo(31);
        assertThat(summary.detailed()).isEqualTo(1);
        Map<String, Object> row = jdbc.sql("SELECT tipo_licitacion, comuna, estado FROM licitaciones WHERE codigo = '1509-5-L114'")
                .query().singleRow();
        assertThat(row).containsEntry("tipo_licitacion", "L1").containsEntry("comuna", "Til Til")
                .containsEntry("estado", "adjudicada");
    }

    @Test
    void failedPollRecordsItsReasonAndTheNextSuccessfulPollClearsIt() {
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo("/servicios/v1/publico/licitaciones.json"))
                .willReturn(aResponse().withStatus(400)));
        assertThatThrownBy(() -> runner.run(Source.LICITACIONES)).isInstanceOfSatisfying(MercadoPublicoException.class,
                e -> assertThat(e.reason()).isEqualTo(MercadoPublicoException.Reason.BAD_REQUEST));
        assertThat(lastError(LicitacionesPoller.SOURCE)).startsWith("BAD_REQUEST: ");

        MERCADO_PUBLICO.resetAll();
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo("/servicios/v1/publico/licitaciones.json"))
                .willReturn(okJson("{\"Cantidad\":0,\"FechaCreacion\":\"2026-11-26T05:00:00\",\"Version\":\"v1\",\"Listado\":[]}")));
        runner.run(Source.LICITACIONES).orElseThrow();
        assertThat(lastError(LicitacionesPoller.SOURCE)).isEmpty();
    }

    private String lastError(String source) {
        return jdbc.sql("SELECT coalesce(last_error, '') FROM ingestion_state WHERE source = :source").param("source", source)
                .query(String.class).single();
    }

    @Test
    void localFeedLoadsTheRecordedFixturesAndGeneratesOpenOpportunitiesOnce() {
        RunSummary first = localFeed.load();
        assertThat(first.listed()).isEqualTo(9 + 31);
        long generated = jdbc.sql("SELECT count(*) FROM licitaciones WHERE source = 'generated' AND estado = 'publicada'")
                .query(Long.class).single();
        assertThat(generated).isPositive();
        localFeed.load();
        assertThat(jdbc.sql("SELECT count(*) FROM licitaciones WHERE source = 'generated'").query(Long.class).single())
                .isEqualTo(generated);
    }

    private List<JsonNode> events(String type, String key) {
        return jdbc.sql("SELECT payload::text FROM outbox_events WHERE event_type = :type AND event_key = :key ORDER BY id")
                .param("type", type).param("key", key).query(String.class).list().stream()
                .map(Fixtures.MAPPER::readTree).toList();
    }

    /** The recorded list items plus the two recorded details (as list items), and those two details. */
    private static void stubCompraAgil() {
        ObjectNode envelope = (ObjectNode) Fixtures.MAPPER.readTree(Fixtures.compraAgilListEnvelope(1, 1));
        ArrayNode items = (ArrayNode) envelope.path("payload").path("items");
        for (String detail : List.of("ca-v2-detail-2048-540-COT26.json", "ca-v2-detail-744835-588-COT26.json")) {
            ObjectNode asListItem = (ObjectNode) Fixtures.json(detail);
            asListItem.remove(List.of("descripcion", "productos_solicitados", "proveedores_cotizando"));
            items.add(asListItem);
        }
        MERCADO_PUBLICO.stubFor(get(urlPathEqualTo("/v2/compra-agil")).willReturn(okJson(envelope.toString())));
        MERCADO_PUBLICO.stubFor(get(urlPathMatching("/v2/compra-agil/.+")).atPriority(5)
                .willReturn(aResponse().withStatus(404)));
        for (String codigo : List.of("2048-540-COT26", "744835-588-COT26")) {
            MERCADO_PUBLICO.stubFor(get(urlPathEqualTo("/v2/compra-agil/" + codigo)).atPriority(1)
                    .willReturn(okJson(Fixtures.compraAgilDetailEnvelope("ca-v2-detail-" + codigo + ".json"))));
        }
    }
}
