package cl.compraagil.ml.bench;

import cl.compraagil.ml.TestWireMock;
import cl.compraagil.ml.history.generator.SyntheticHistoryGenerator;
import cl.compraagil.ml.history.importer.HistoryImporter;
import cl.compraagil.ml.history.importer.ImportReport;
import cl.compraagil.ml.price.ComparableQuotes;
import cl.compraagil.ml.price.PriceRecommender;
import cl.compraagil.ml.price.PriceRequest;
import cl.compraagil.testkit.EmbeddedEngines;
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
import java.util.Objects;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmarks (run by {@code ml-service/bench/ml-bench.sh}, skipped otherwise): import rate of a generated
 * ~1 M-row COT month against plain COPY of the same file, then price-recommendation latency over a history
 * of {@code ml.bench.rows} rows, kept between runs when {@link BenchDatabase} is told where.
 */
@EnabledIfSystemProperty(named = "ml.bench", matches = "true")
@SpringBootTest(properties = {
        "ml.history.bootstrap-when-empty=false",
        "ml.training.train-on-new-history=false",
        "ml.models.folder=target/test-models",
        "spring.cloud.discovery.client.simple.instances.licitacion-service[0].uri=http://localhost:${wiremock.port}",
        "ml.analysis.gemini-base-url=http://localhost:${wiremock.port}"})
class MlBenchmarkIT {

    private static final int ROWS_PER_QUOTATION_ESTIMATE = 5;

    @Autowired
    HistoryImporter importer;

    @Autowired
    PriceRecommender recommender;

    @Autowired
    ComparableQuotes comparableQuotes;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        String url = BenchDatabase.url();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", BenchDatabase::user);
        registry.add("spring.datasource.password", BenchDatabase::password);
        EmbeddedEngines.registerWithoutDatabase(registry);
        registry.add("wiremock.port", TestWireMock::port);
    }

    @Test
    void importRateAndRecommendationLatency() throws Exception {
        long historyRows = Long.getLong("ml.bench.rows", 10_000_000L);
        int monthRows = Integer.getInteger("ml.bench.month-rows", 1_000_000);
        int quotationsPerMonth = monthRows / ROWS_PER_QUOTATION_ESTIMATE;
        SyntheticHistoryGenerator market = new SyntheticHistoryGenerator(99);
        YearMonth last = YearMonth.now().minusMonths(1);
        BenchHistory history = new BenchHistory(importer, jdbc, market);
        List<String> lines = new ArrayList<>();
        long before = history.rows();
        if (!"false".equals(setting("BENCH_IMPORT", "ml.bench.import"))) {
            lines.addAll(importRate(market.forMonth(last), last, quotationsPerMonth));
        }

        long historyStart = System.nanoTime();
        int threads = Integer.parseInt(Objects.requireNonNullElse(setting("BENCH_LOAD_THREADS", "ml.bench.load-threads"), "2"));
        long added = history.fill(historyRows, last, quotationsPerMonth, threads);
        lines.add(String.format(Locale.ROOT, "| history: generate and import the other months (%d at a time, piped) | %d | %.0f | |",
                threads, added, (System.nanoTime() - historyStart) / 1e9));
        lines.add("| history rows kept from an earlier run (BENCH_DATA_DIR / BENCH_DB_URL) | " + before + " | | |");
        jdbc.sql("ANALYZE").update();
        lines.add("| history rows in cot_quotes | " + jdbc.sql("SELECT count(*) FROM cot_quotes").query(Long.class).single()
                + " | | |");
        lines.add("| monthly partitions | " + jdbc.sql("SELECT count(*) FROM pg_inherits WHERE inhparent = 'cot_quotes'::regclass")
                .query(Long.class).single() + " | | |");
        lines.addAll(latency());
        Files.writeString(Path.of("target", "ml-bench-explain.txt"), explainComparables());
        String table = "| measure | rows / value | seconds | rows/s |\n|---|---|---|---|\n" + String.join("\n", lines);
        System.out.println("\n=== ml-service benchmark ===\n" + table + "\n");
        Files.writeString(Path.of("target", "ml-bench.md"), table + "\n");
    }

    /**
     * The newest month as a file, loaded by plain COPY into an unindexed text table and then by the importer
     * (which replaces that month if a kept history already has it, so the history's size stays the same).
     */
    private List<String> importRate(SyntheticHistoryGenerator generator, YearMonth month, int quotations)
            throws Exception {
        Path folder = Files.createTempDirectory("ml-bench");
        Path file = generator.writeMonths(folder, month, 1, quotations).get(0);
        long fileRows = countRows(file);
        CpuClock copyCpu = CpuClock.start(jdbc);
        double copySeconds = plainCopy(file);
        CpuClock.Used copyUsed = copyCpu.stop();
        CpuClock importCpu = CpuClock.start(jdbc);
        ImportReport report = importer.importFile(file, null).get(0);
        CpuClock.Used importUsed = importCpu.stop();
        Files.delete(file);
        Files.delete(folder);
        return List.of(row("plain COPY (csv, 34 text columns, no index)", fileRows, copySeconds),
                row("HistoryImporter (parse, convert, COPY FREEZE, 3 indexes, catalogue)", report.rowsLoaded(),
                        report.seconds()),
                String.format(Locale.ROOT, "| importer / COPY rate (wall clock) | %.2f | | |",
                        (report.rowsLoaded() / report.seconds()) / (fileRows / copySeconds)),
                String.format(Locale.ROOT, "| CPU s, plain COPY: PostgreSQL %.1f + JVM %.1f | %.1f | | |",
                        copyUsed.postgres(), copyUsed.jvm(), copyUsed.total()),
                String.format(Locale.ROOT, "| CPU s, importer: PostgreSQL %.1f + JVM %.1f | %.1f | | |",
                        importUsed.postgres(), importUsed.jvm(), importUsed.total()),
                String.format(Locale.ROOT, "| importer / COPY rate (CPU seconds) | %.2f | | |",
                        copyUsed.total() / importUsed.total()));
    }

    private static String setting(String env, String property) {
        return System.getProperty(property, System.getenv(env));
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
