package cl.compraagil.ml.history;

import static org.assertj.core.api.Assertions.assertThat;

import cl.compraagil.ml.MlIntegrationTest;
import cl.compraagil.ml.history.importer.HistoryImporter;
import cl.compraagil.ml.history.importer.ImportReport;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class HistoryImporterTest extends MlIntegrationTest {

    @Autowired
    HistoryImporter importer;

    private ImportReport importFixture(String name, String asFile) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/history/" + name)) {
            return importer.importStream(in, asFile, null);
        }
    }

    @Test
    void realCotRowsLoadWithEveryBidderPriceAndSelectedFlag() throws Exception {
        ImportReport report = importFixture("cot-sample.csv", "COT1_2026-06.csv");

        assertThat(report.dataset()).isEqualTo("cot");
        assertThat(report.period()).isEqualTo("2026-06");
        assertThat(report.rowsRead()).isEqualTo(6);
        assertThat(report.rowsLoaded()).isEqualTo(6);
        assertThat(report.rowsRejected()).isZero();
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT * FROM cot_quotes WHERE import_run_id = :run ORDER BY line_no""")
                .param("run", report.runId()).query().listOfRows();
        assertThat(rows).hasSize(6);
        Map<String, Object> first = rows.get(0);
        assertThat(first.get("codigo_cotizacion")).isEqualTo("1079967-350-COT26");
        assertThat(first.get("region")).isEqualTo("Región de Tarapacá");
        assertThat(first.get("proveedor")).isEqualTo("URIBE TRADE SPA");
        assertThat(first.get("rut_proveedor")).isEqualTo("78.167.575-K");
        assertThat(first.get("seleccionado")).isEqualTo(true);
        assertThat(first.get("monto_total")).isEqualTo(2187559L);
        assertThat(first.get("monto_disponible")).isEqualTo(2189357L);
        assertThat(first.get("codigo_producto")).isEqualTo(43202005);
        assertThat(first.get("estado_oc")).isEqualTo("Recepción conforme");
        assertThat((String) first.get("detalle")).contains("\n- Garantía 12 meses");
        assertThat(first.get("line_no")).isEqualTo(2);
        // the second record starts on line 5: the first one holds two embedded newlines
        assertThat(rows.get(1).get("line_no")).isEqualTo(5);
        // two products were asked for, so no unit price is derived from the bidder's total
        assertThat(rows).allSatisfy(row -> {
            assertThat(((Number) row.get("products_in_quote")).intValue()).isEqualTo(2);
            assertThat(((Number) row.get("bidders_in_quote")).intValue()).isEqualTo(4);
            assertThat(row.get("unit_price")).isNull();
        });
        assertThat(rows.stream().filter(row -> Boolean.TRUE.equals(row.get("seleccionado"))).count()).isEqualTo(2);
    }

    @Test
    void reimportingTheSameFileAndMonthReplacesInsteadOfDuplicating() throws Exception {
        ImportReport first = importFixture("cot-sample.csv", "COT9_2026-05.csv");
        ImportReport second = importFixture("cot-sample.csv", "COT9_2026-05.csv");

        assertThat(second.replacedRuns()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM cot_quotes WHERE import_run_id IN (:a, :b)")
                .param("a", first.runId()).param("b", second.runId()).query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("SELECT status FROM import_runs WHERE id = :id").param("id", first.runId())
                .query(String.class).single()).isEqualTo("replaced");
    }

    @Test
    void reimportingALicitacionFileReplacesItsOffersPartitionInsteadOfDuplicating() throws Exception {
        ImportReport first = importFixture("lic-da-sample.csv", "lic_2026-3.csv");
        ImportReport other = importFixture("lic-da-sample.csv", "lic_2026-4.csv");
        ImportReport second = importFixture("lic-da-sample.csv", "lic_2026-3.csv");

        assertThat(second.replacedRuns()).isEqualTo(1);
        assertThat(rowsOf("lic_offers", first, second)).isEqualTo(5);
        assertThat(rowsOf("lic_offers", other, other)).isEqualTo(5);
        assertReplaced("lic_offers", first);
    }

    @Test
    void reimportingAPurchaseOrderFileReplacesItsLinesPartitionInsteadOfDuplicating() throws Exception {
        ImportReport first = importFixture("oc-da-sample.csv", "2025-11.csv");
        ImportReport other = importFixture("oc-da-sample.csv", "2025-12.csv");
        ImportReport second = importFixture("oc-da-sample.csv", "2025-11.csv");

        assertThat(second.replacedRuns()).isEqualTo(1);
        assertThat(rowsOf("purchase_orders", first, second)).isEqualTo(6);
        assertThat(rowsOf("purchase_orders", other, other)).isEqualTo(6);
        assertReplaced("purchase_orders", first);
    }

    private long rowsOf(String table, ImportReport a, ImportReport b) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE import_run_id IN (:a, :b)")
                .param("a", a.runId()).param("b", b.runId()).query(Long.class).single();
    }

    /** The replaced run is marked so and its partition is gone, not emptied row by row. */
    private void assertReplaced(String table, ImportReport run) {
        assertThat(jdbc.sql("SELECT status FROM import_runs WHERE id = :id").param("id", run.runId())
                .query(String.class).single()).isEqualTo("replaced");
        assertThat(jdbc.sql("SELECT to_regclass(:name) IS NULL").param("name", table + "_run_" + run.runId())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void realLicitacionOffersLoadWithLosersAndSentinelDatesAsNull() throws Exception {
        ImportReport report = importFixture("lic-da-sample.csv", "lic_2026-6.csv");

        assertThat(report.dataset()).isEqualTo("lic");
        assertThat(report.period()).isEqualTo("2026-06");
        assertThat(report.rowsLoaded()).isEqualTo(5);
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM lic_offers WHERE import_run_id = :run ORDER BY line_no")
                .param("run", report.runId()).query().listOfRows();
        assertThat(rows).extracting(row -> row.get("rut_proveedor"))
                .containsExactly("78.297.510-2", "81.378.300-2", "78.297.510-2", "77.478.120-K", "96.515.660-7");
        assertThat(rows).extracting(row -> row.get("unit_price")).containsExactly(new BigDecimal("13680000.00"),
                new BigDecimal("28800000.00"), new BigDecimal("145800000.00"), new BigDecimal("106920000.00"),
                new BigDecimal("87480000.00"));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("seleccionada")).isEqualTo(false);
            assertThat(row.get("codigo_externo")).isEqualTo("1057439-20-LP25");
            assertThat(row.get("numero_oferentes")).isEqualTo(5);
            assertThat(row.get("monto_estimado")).isEqualTo(130794120L);
            assertThat(row.get("region")).isEqualTo("Región de Coquimbo");
        });
        assertThat((String) rows.get(0).get("descripcion")).contains("“Convenio Suministro");
    }

    @Test
    void purchaseOrdersInForeignCurrenciesWithoutARateAreExcludedNotAveraged() throws Exception {
        ImportReport report = importFixture("oc-da-sample.csv", "2026-6.csv");

        assertThat(report.dataset()).isEqualTo("oc");
        assertThat(report.rowsLoaded()).isEqualTo(6);
        assertThat(report.rowsExcludedCurrency()).isEqualTo(4);
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT codigo, moneda_item, precio_neto_original, unit_price, cantidad FROM purchase_orders
                WHERE import_run_id = :run ORDER BY line_no""").param("run", report.runId()).query().listOfRows();
        assertThat(rows.get(0).get("moneda_item")).isEqualTo("CLF");
        assertThat(rows.get(0).get("precio_neto_original")).isEqualTo(new BigDecimal("279.8000"));
        assertThat(rows.get(0).get("unit_price")).isNull();
        assertThat(rows.get(3).get("codigo")).isEqualTo("1021609-418-SE24");
        assertThat(rows.get(3).get("unit_price")).isEqualTo(new BigDecimal("2860.00"));
        assertThat(rows.get(3).get("cantidad")).isEqualTo(new BigDecimal("40.000"));
    }
}
