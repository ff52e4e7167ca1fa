package cl.compraagil.licitacion.mercadopublico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.compraagil.licitacion.catalog.Opportunity;
import cl.compraagil.licitacion.catalog.OpportunityType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every recorded Mercado Público response parses, with the quirks the recordings document. */
class RecordedResponsesParseTest {

    @Test
    void everyCompraAgilListItemParsesWithChileWallClockDates() {
        List<Opportunity> items = CompraAgilParser.listItems(Fixtures.json("ca-v2-list-items.json")).stream()
                .map(CompraAgilParser::listItem).toList();
        assertThat(items).hasSize(9).allSatisfy(item -> {
            assertThat(item.tipo()).isEqualTo(OpportunityType.COMPRA_AGIL);
            assertThat(item.estado()).isEqualTo("publicada");
            assertThat(item.fechaCierre()).isNotNull();
            assertThat(item.detailed()).isFalse();
            assertThat(item.descripcion()).isNull();
        });
        Opportunity first = items.get(0);
        assertThat(first.codigo()).isEqualTo("5067-1535-COT26");
        // "2026-06-23 14:00" in Santiago (UTC-4 in June) is 18:00 UTC
        assertThat(first.fechaCierre()).isEqualTo(Instant.parse("2026-06-23T18:00:00Z"));
        // "2026-06-22T13:55:00.630Z" is wall-clock too, despite the Z
        assertThat(first.fechaUltimoCambio()).isEqualTo(Instant.parse("2026-06-22T17:55:00.630Z"));
        assertThat(first.regionCodigo()).isEqualTo(13);
        assertThat(items.get(1).region()).isEqualTo("Región de Valparaíso");
    }

    @Test
    void aSecondCallClosesAtTheSecondCallsClosingDate() {
        ObjectNode item = (ObjectNode) CompraAgilParser.listItems(Fixtures.json("ca-v2-list-items.json")).get(0);
        // the recorded first call already carries the planned second-call closing; it does not count yet
        assertThat(CompraAgilParser.listItem(item).fechaCierre()).isEqualTo(Instant.parse("2026-06-23T18:00:00Z"));
        ((ObjectNode) item.path("convocatoria")).put("estado_convocatoria", 2);
        Opportunity secondCall = CompraAgilParser.listItem(item);
        assertThat(secondCall.convocatoria()).isEqualTo(2);
        // "2026-06-24T14:04:59.610Z" under fechas, Chile wall-clock (UTC-4 in June)
        assertThat(secondCall.fechaCierre()).isEqualTo(Instant.parse("2026-06-24T18:04:59.610Z"));

        ObjectNode detail = (ObjectNode) Fixtures.json("ca-v2-detail-2048-540-COT26.json");
        ((ObjectNode) detail.path("convocatoria")).put("estado_convocatoria", 2);
        // "2026-09-23 14:22" under convocatoria in a detail, Chile summer time (UTC-3) from September
        assertThat(CompraAgilParser.detail(detail).fechaCierre()).isEqualTo(Instant.parse("2026-09-23T17:22:00Z"));
    }

    @Test
    void foreignCurrencyAmountsAreKeptAndConvertedToClp() {
        List<Opportunity> items = CompraAgilParser.listItems(Fixtures.json("ca-v2-list-items.json")).stream()
                .map(CompraAgilParser::listItem).toList();
        Opportunity usd = items.stream().filter(i -> "USD".equals(i.moneda())).findFirst().orElseThrow();
        Opportunity clf = items.stream().filter(i -> "CLF".equals(i.moneda())).findFirst().orElseThrow();
        assertThat(usd.montoEstimado()).isEqualTo(1_080_720L);
        assertThat(usd.montoOriginal()).isEqualByComparingTo("1200");
        assertThat(clf.montoEstimado()).isEqualTo(7_098_951L);
    }

    @Test
    void compraAgilDetailsParseWithProductsAndQuotes() {
        Opportunity detail = CompraAgilParser.detail(Fixtures.json("ca-v2-detail-2048-540-COT26.json"));
        assertThat(detail.detailed()).isTrue();
        assertThat(detail.nombre()).isEqualTo("KIT MALETÍN PARA DERRAMES UNIVERSAL Y GUANTES NITRILO INSOPORTADO");
        assertThat(detail.estado()).isEqualTo("desierta");
        assertThat(detail.descripcion()).startsWith("EL HOSPITAL DE ANCUD");
        assertThat(detail.montoEstimado()).isEqualTo(350_000L);
        assertThat(detail.plazoEntregaDias()).isEqualTo(4);
        assertThat(detail.items()).extracting("codigoProducto").containsExactly("24111805", "42132203");
        assertThat(detail.cotizaciones()).hasSize(3).allSatisfy(q -> assertThat(q.esEmt()).isTrue())
                .noneMatch(q -> q.seleccionado());
        Opportunity other = CompraAgilParser.detail(Fixtures.json("ca-v2-detail-744835-588-COT26.json"));
        assertThat(other.cotizaciones()).hasSize(5);
        assertThat(other.items()).isNotEmpty();
    }

    @Test
    void enveloppedDetailParsesLikeTheBarePayload() {
        Opportunity bare = CompraAgilParser.detail(Fixtures.json("ca-v2-detail-2048-540-COT26.json"));
        Opportunity wrapped = CompraAgilParser.detail(
                Fixtures.MAPPER.readTree(Fixtures.compraAgilDetailEnvelope("ca-v2-detail-2048-540-COT26.json")));
        assertThat(wrapped.codigo()).isEqualTo(bare.codigo());
        assertThat(wrapped.items()).isEqualTo(bare.items());
    }

    @Test
    void v1ListHasNoTipoSoItIsReadFromTheCodigo() {
        List<Opportunity> items = LicitacionV1Parser.listado(Fixtures.json("v1-licitaciones-list.json")).stream()
                .map(LicitacionV1Parser::listItem).toList();
        assertThat(items).hasSize(31).allSatisfy(item -> assertThat(item.tipo()).isEqualTo(OpportunityType.LICITACION));
        Opportunity le = items.stream().filter(i -> i.codigo().equals("2105-38-LE14")).findFirst().orElseThrow();
        assertThat(le.tipoLicitacion()).isEqualTo("LE");
        assertThat(le.estado()).isEqualTo("adjudicada");
        assertThat(items).anySatisfy(i -> assertThat(i.estado()).isEqualTo("desierta"));
        assertThat(items.stream().filter(i -> i.codigo().equals("2105-48-L114")).findFirst().orElseThrow().nombre())
                .isEqualTo("FARMACOS CONTROLADOS");
    }

    @Test
    void v1DetailParsesBuyerItemsAndStringlyTypedFields() {
        Opportunity detail = LicitacionV1Parser.detail(
                LicitacionV1Parser.listado(Fixtures.json("v1-licitacion-detail-1509-5-L114.json")).get(0));
        assertThat(detail.tipoLicitacion()).isEqualTo("L1");
        assertThat(detail.organismo()).startsWith("SERVICIO DE SALUD METROPOLITANO NORTE");
        assertThat(detail.comuna()).isEqualTo("Til Til");
        assertThat(detail.regionCodigo()).isEqualTo(13);
        assertThat(detail.totalOfertas()).isEqualTo(25);
        assertThat(detail.montoEstimado()).isNull();
        // the top-level FechaCierre is null; the one under Fechas is used, as Chile time (UTC-3 in January)
        assertThat(detail.fechaCierre()).isEqualTo(Instant.parse("2014-01-27T18:54:00Z"));
        assertThat(detail.items()).hasSize(6);
        assertThat(detail.items().get(0).cantidad()).isEqualByComparingTo("10");
    }

    @Test
    void orderDetailIsAValidEnvelopeButNotALicitacion() {
        JsonNode oc = Fixtures.json("v1-orden-compra-detail-2097-241-SE14.json");
        assertThat(LicitacionV1Parser.listado(oc)).hasSize(1);
        assertThatThrownBy(() -> LicitacionV1Parser.detail(LicitacionV1Parser.listado(oc).get(0)))
                .isInstanceOf(MercadoPublicoException.class)
                .extracting(e -> ((MercadoPublicoException) e).reason())
                .isEqualTo(MercadoPublicoException.Reason.MALFORMED_RESPONSE);
    }

    @Test
    void errorBodiesAreClassifiedByTheirCodeNotTheirStatus() {
        assertThat(reason("error-v1-10500.json")).isEqualTo(MercadoPublicoException.Reason.RATE_LIMITED);
        assertThat(reason("error-v1-203-cuota-diaria.json")).isEqualTo(MercadoPublicoException.Reason.QUOTA_EXHAUSTED);
        assertThat(reason("error-v1-203-ticket-no-valido.json")).isEqualTo(MercadoPublicoException.Reason.INVALID_TICKET);
        assertThat(Fixtures.json("error-ca-v2-400-parametros-invalidos.json").path("errors").get(0).path("codigo").asString())
                .isEqualTo("PARAMETROS_INVALIDOS");
        assertThat(Fixtures.json("error-ca-v2-500-error-interno.json").path("success").asString()).isEqualTo("ERROR");
    }

    @Test
    void chileTimeReadsEveryShapeAsSantiagoWallClock() {
        assertThat(ChileTime.parse("2026-11-26 10:00")).isEqualTo(Instant.parse("2026-11-26T13:00:00Z"));
        assertThat(ChileTime.parse("2026-11-26T10:00:00Z")).isEqualTo(Instant.parse("2026-11-26T13:00:00Z"));
        assertThat(ChileTime.parse("2023-11-21T23:42:24.3741263Z")).isEqualTo(Instant.parse("2023-11-22T02:42:24.3741263Z"));
        assertThat(ChileTime.parse("1900-01-01")).isNull();
        assertThat(ChileTime.parse(" ")).isNull();
        assertThat(ChileTime.parse("no es fecha")).isNull();
    }

    @Test
    void flagsAreReadWhateverShapeTheyCome() {
        JsonNode flags = Fixtures.MAPPER.readTree("""
                {"a": 1, "b": "1", "c": true, "d": "Sí", "e": 0, "f": "2", "g": null}""");
        assertThat(List.of("a", "b", "c", "d")).allMatch(f -> JsonFields.flag(flags, f));
        assertThat(List.of("e", "f", "g", "missing")).noneMatch(f -> JsonFields.flag(flags, f));
    }

    private static MercadoPublicoException.Reason reason(String file) {
        return MercadoPublicoException.fromV1Body(Fixtures.json(file)).reason();
    }
}
