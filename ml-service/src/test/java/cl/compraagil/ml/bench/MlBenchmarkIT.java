package cl.compraagil.ml.bench;

import cl.compraagil.ml.MlIntegrationTest;
import cl.compraagil.ml.history.generator.SyntheticHistoryGenerator;
import cl.compraagil.ml.history.importer.HistoryImporter;
import cl.compraagil.ml.history.importer.ImportReport;
import cl.compraagil.ml.price.ComparableQuotes;
import cl.compraagil.ml.price.PriceRecommender;
import cl.compraagil.ml.price.PriceRequest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmarks (run by {@code ml-service/bench/ml-bench.sh}, skipped otherwise): import rate of a generated
 * ~1 M-row COT month against plain COPY of the same file, then price-recommendation latency over a history
 * of {@code ml.bench.rows} rows.
 */
@EnabledIfSystemProperty(named = "ml.bench", matches = "true")
class MlBenchmarkIT extends MlIntegrationTest {

    private static final int ROWS_PER_QUOTATION_ESTIMATE = 5;

    @Autowired
    HistoryImporter importer;

    @Autowired
    PriceRecommender recommender;

    @Autowired
    ComparableQuotes comparableQuotes;

    @Autowired
    DataSource dataSource;

    @Test
    void importRateAndRecommendationLatency() throws Exception {
        long historyRows = Long.getLong("ml.bench.rows", 10_000_000L);
        int monthRows = Integer.getInteger("ml.bench.month-rows", 1_000_000);
        Path folder = Files.createTempDirectory("ml-bench");
        SyntheticHistoryGenerator generator = new SyntheticHistoryGenerator(99);
        YearMonth last = YearMonth.now().minusMonths(1);
        List<String> lines = new ArrayList<>();

        Path month = generator.writeMonths(folder, last, 1, monthRows / ROWS_PER_QUOTATION_ESTIMATE).get(0);
        long fileRows = countRows(month);
        CpuClock copyCpu = CpuClock.start(jdbc);
        double copySeconds = plainCopy(month);
        CpuClock.Used copyUsed = copyCpu.stop();
        CpuClock importCpu = CpuClock.start(jdbc);
        ImportReport report = importer.importFile(month, null).get(0);
        CpuClock.Used importUsed = importCpu.stop();
        lines.add(row("plain COPY (csv, 34 text columns, no index)", fileRows, copySeconds));
        lines.add(row("HistoryImporter (parse, convert, COPY FREEZE, 3 indexes, catalogue)", report.rowsLoaded(),
                report.seconds()));
        lines.add(String.format(Locale.ROOT, "| importer / COPY rate (wall clock) | %.2f | | |",
                (report.rowsLoaded() / report.seconds()) / (fileRows / copySeconds)));
        lines.add(String.format(Locale.ROOT, "| CPU s, plain COPY: PostgreSQL %.1f + JVM %.1f | %.1f | | |",
                copyUsed.postgres(), copyUsed.jvm(), copyUsed.total()));
        lines.add(String.format(Locale.ROOT, "| CPU s, importer: PostgreSQL %.1f + JVM %.1f | %.1f | | |",
                importUsed.postgres(), importUsed.jvm(), importUsed.total()));
        lines.add(String.format(Locale.ROOT, "| importer / COPY rate (CPU seconds) | %.2f | | |",
                copyUsed.total() / importUsed.total()));
        Files.delete(month);

        long loaded = report.rowsLoaded();
        YearMonth cursor = last;
        long historyStart = System.nanoTime();
        while (loaded < historyRows) {
            cursor = cursor.minusMonths(1);
            Path file = generator.writeMonths(folder, cursor, 1, monthRows / ROWS_PER_QUOTATION_ESTIMATE).get(0);
            loaded += importer.importFile(file, null).get(0).rowsLoaded();
            Files.delete(file);
        }
        lines.add(String.format(Locale.ROOT, "| history: generate and import the other months | %d | %.0f | |",
                loaded - report.rowsLoaded(), (System.nanoTime() - historyStart) / 1e9));
        jdbc.sql("ANALYZE").update();
        lines.add("| history rows in cot_quotes | " + loaded + " | | |");
        lines.addAll(latency());
        Files.writeString(Path.of("target", "ml-bench-explain.txt"), explainComparables());
        String table = "| measure | rows / value | seconds | rows/s |\n|---|---|---|---|\n" + String.join("\n", lines);
        System.out.println("\n=== ml-service benchmark ===\n" + table + "\n");
        Files.writeString(Path.of("target", "ml-bench.md"), table + "\n");
        Files.delete(folder);
    }

    private List<String> latency() {
        String[] products = {"resma papel carta", "notebook 14 pulgadas", "toner hp", "guantes de nitrilo",
                "mantencion aire acondicionado", "cemento saco", "pendrive 64gb", "cafe soluble", "ampolleta led",
                "neumatico camioneta"};
        String[] regions = {null, "Región Metropolitana de Santiago", "Región del Biobío", "Región de Los Lagos"};
        for (int i = 0; i < 60; i++) {
            recommender.recommend(new PriceRequest(products[i % products.length], null, 10, null, null, 1000L));
        }
        int n = 500;
        double[] millis = new double[n];
        double[] sqlMillis = new double[n];
        CpuClock cpu = CpuClock.start(jdbc);
        double recommendSeconds = 0;
        for (int i = 0; i < n; i++) {
            PriceRequest request = i % 5 == 0
                    ? new PriceRequest(null, 14111507, 5 + i % 50, regions[i % regions.length], null, null)
                    : new PriceRequest(products[i % products.length], null, 1 + i % 80, regions[i % regions.length],
                            null, i % 2 == 0 ? 1000L : null);
            long start = System.nanoTime();
            var answer = recommender.recommend(request);
            millis[i] = (System.nanoTime() - start) / 1e6;
            recommendSeconds += millis[i] / 1e3;
            long sqlStart = System.nanoTime();
            comparableQuotes.recent(answer.unspscCodes(), LocalDate.now().plusDays(1).minusDays(730),
                    LocalDate.now().plusDays(1), 1500);
            sqlMillis[i] = (System.nanoTime() - sqlStart) / 1e6;
        }
        CpuClock.Used used = cpu.stop();
        Arrays.sort(millis);
        Arrays.sort(sqlMillis);
        return List.of(String.format(Locale.ROOT, "| recommend/price latency p50 (ms, %d requests) | %.1f | | |", n, millis[n / 2]),
                String.format(Locale.ROOT, "| recommend/price latency p95 (ms) | %.1f | | |", millis[(int) (n * 0.95)]),
                String.format(Locale.ROOT, "| recommend/price latency p99 (ms) | %.1f | | |", millis[(int) (n * 0.99)]),
                String.format(Locale.ROOT, "| of which comparables SQL alone, p50 / p95 (ms) | %.1f / %.1f | | |",
                        sqlMillis[n / 2], sqlMillis[(int) (n * 0.95)]),
                // CPU per request is what load on a shared machine does not inflate; it includes the extra SQL call
                String.format(Locale.ROOT, "| CPU ms per request (JVM + PostgreSQL, incl. the extra SQL call) | %.1f | | |",
                        used.total() * 1e3 / n),
                String.format(Locale.ROOT, "| mean wall ms per request | %.1f | | |", recommendSeconds * 1e3 / n));
    }

    /** The recommender's comparables query for the paper code, with its plan and buffer counts. */
    private String explainComparables() {
        return String.join("\n", jdbc.sql("""
                EXPLAIN (ANALYZE, BUFFERS)
                SELECT codigo_cotizacion, producto, codigo_producto, cantidad, unit_price, seleccionado,
                       fecha_cierre, region, organismo, proveedor, rut_proveedor, bidders_in_quote
                FROM cot_quotes
                WHERE codigo_producto = 14111507 AND unit_price IS NOT NULL
                  AND fecha_cierre >= current_date - 729 AND fecha_cierre < current_date + 1
                ORDER BY fecha_cierre DESC LIMIT 1500
                """).query(String.class).list()) + "\n";
    }

    private double plainCopy(Path file) throws Exception {
        StringBuilder columns = new StringBuilder();
        for (int i = 1; i <= 34; i++) {
            columns.append(i == 1 ? "" : ", ").append("c").append(i).append(" text");
        }
        jdbc.sql("DROP TABLE IF EXISTS cot_raw").update();
        jdbc.sql("CREATE TABLE cot_raw (" + columns + ")").update();
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); InputStream in = Files.newInputStream(file)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY cot_raw FROM STDIN (FORMAT csv, DELIMITER ';', HEADER true, ENCODING 'WIN1252')", in);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        jdbc.sql("DROP TABLE cot_raw").update();
        return seconds;
    }

    private static long countRows(Path file) throws Exception {
        try (var reader = new cl.compraagil.ml.history.parse.OpenDataCsvReader(
                Files.newBufferedReader(file, java.nio.charset.Charset.forName("windows-1252")))) {
            long rows = -1;
            while (reader.next() != null) {
                rows++;
            }
            return rows;
        }
    }

    private static String row(String what, long rows, double seconds) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.0f |", what, rows, seconds, rows / seconds);
    }
}
