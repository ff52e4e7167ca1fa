package cl.compraagil.licitacion.search;

import cl.compraagil.licitacion.catalog.Opportunity;
import cl.compraagil.licitacion.catalog.OpportunityItem;
import cl.compraagil.licitacion.ingestion.OpportunityGenerator;
import cl.compraagil.testkit.EmbeddedEngines;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Search p50/p95 over generated opportunities (default 1 million, loaded with COPY) with the service's real
 * search SQL, against the seed bot's approach (ILIKE '%word%' scans) for the same queries.
 * Run with {@code bench/search.sh}; skipped in the normal build.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class SearchBenchmark {

    private static final List<String> QUERIES = List.of("notebook", "guantes nitrilo", "resmas papel carta",
            "servicio aseo industrial", "cemento", "computador escritorio", "mascarillas quirúrgicas", "tóner HP",
            "sillas ergonómicas", "neumáticos", "luminarias LED", "colaciones", "extintores", "cámaras vigilancia",
            "alcohol gel", "juguetes didácticos", "café grano", "switch red", "uniformes bordados", "calefactores");

    @Test
    void searchAgainstIlike() throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        int iterations = Integer.getInteger("bench.iterations", 30);
        String url = EmbeddedEngines.jdbcUrl("licitacion_bench");
        DataSource dataSource = new SingleConnectionDataSource(url, "postgres", "postgres", true);
        Flyway.configure().dataSource(url, "postgres", "postgres").cleanDisabled(false)
                .locations("classpath:db/migration", "classpath:db/outbox").load().clean();
        Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations("classpath:db/migration", "classpath:db/outbox").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long loadStart = System.nanoTime();
        load(dataSource, rows);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        LicitacionSearch search = new LicitacionSearch(jdbc);
        long open = jdbc.sql("SELECT count(*) FROM licitaciones WHERE estado = 'publicada'").query(Long.class).single();
        StringBuilder table = new StringBuilder();
        table.append(String.format("rows: %,d (open: %,d)  load (COPY + tsvector + indexes): %.1f s  iterations per query: %d%n",
                rows, open, loadSeconds, iterations));
        section(table, "Default search (open opportunities, as the API without `estado` and the seed bot)", search, jdbc,
                QUERIES, List.of("publicada"), iterations);
        section(table, "`estado=todos` (every state, the whole table)", search, jdbc, QUERIES.subList(0, 6), List.of(),
                iterations);
        Path out = Path.of("target", "bench-search.txt");
        Files.writeString(out, table.toString());
        System.out.println(table);
    }

    private static void section(StringBuilder table, String title, LicitacionSearch search, JdbcClient jdbc,
            List<String> queries, List<String> estados, int iterations) {
        table.append(String.format("%n%s%n%n", title));
        table.append(String.format("| %-26s | %9s | %8s | %8s | %9s | %9s | %7s |%n", "query", "matches",
                "fts p50", "fts p95", "ilike p50", "ilike p95", "speedup"));
        table.append("|").append("-".repeat(28)).append("|").append("-".repeat(11)).append("|")
                .append("-".repeat(10)).append("|").append("-".repeat(10)).append("|").append("-".repeat(11))
                .append("|").append("-".repeat(11)).append("|").append("-".repeat(9)).append("|\n");
        List<Double> allFts = new ArrayList<>();
        List<Double> allIlike = new ArrayList<>();
        for (String q : queries) {
            SearchCriteria criteria = new SearchCriteria(q, null, estados, null, null, null, null, null, null, null,
                    SortOrder.RELEVANCE, 20, null);
            SearchPage first = search.search(criteria);
            List<Double> fts = time(2, iterations, () -> search.search(criteria));
            List<Double> ilike = time(1, estados.isEmpty() ? 3 : Math.max(3, iterations / 6),
                    () -> ilike(jdbc, q, !estados.isEmpty()));
            allFts.addAll(fts);
            allIlike.addAll(ilike);
            table.append(String.format("| %-26s | %9s | %6.1f ms | %6.1f ms | %7.1f ms | %7.1f ms | %6.0fx |%n", q,
                    (first.totalExact() ? "" : "≥") + first.total(), percentile(fts, 50), percentile(fts, 95),
                    percentile(ilike, 50), percentile(ilike, 95), percentile(ilike, 50) / percentile(fts, 50)));
        }
        table.append(String.format("| %-26s | %9s | %6.1f ms | %6.1f ms | %7.1f ms | %7.1f ms | %6.0fx |%n",
                "ALL QUERIES", "", percentile(allFts, 50), percentile(allFts, 95), percentile(allIlike, 50),
                percentile(allIlike, 95), percentile(allIlike, 50) / percentile(allFts, 50)));
    }

    /** The seed bot's search: every word as ILIKE '%word%' over name and description, newest first, with a count. */
    private static void ilike(JdbcClient jdbc, String q, boolean openOnly) {
        String[] words = q.split("\\s+");
        StringBuilder where = new StringBuilder(openOnly ? "l.estado = 'publicada'" : "TRUE");
        for (int i = 0; i < words.length; i++) {
            where.append(" AND (l.nombre ILIKE :w").append(i).append(" OR l.descripcion ILIKE :w").append(i).append(")");
        }
        JdbcClient.StatementSpec rows = jdbc.sql("SELECT l.codigo, l.nombre FROM licitaciones l WHERE " + where
                + " ORDER BY l.fecha_publicacion DESC LIMIT 20");
        JdbcClient.StatementSpec count = jdbc.sql("SELECT count(*) FROM licitaciones l WHERE " + where);
        for (int i = 0; i < words.length; i++) {
            rows = rows.param("w" + i, "%" + words[i] + "%");
            count = count.param("w" + i, "%" + words[i] + "%");
        }
        rows.query().listOfRows();
        count.query(Long.class).single();
    }

    private static List<Double> time(int warmup, int iterations, Runnable run) {
        for (int i = 0; i < warmup; i++) {
            run.run();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            run.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    private static double percentile(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** COPY into unlogged staging tables, then one set-based insert that builds the search documents. */
    private static void load(DataSource dataSource, int rows) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("""
                    CREATE UNLOGGED TABLE stage (codigo text, tipo text, tipo_licitacion text, nombre text, descripcion text,
                      organismo text, rut text, unidad text, region text, region_codigo smallint, comuna text,
                      monto bigint, publicacion timestamptz, cierre timestamptz, estado text, ofertas int, plazo int, url text)""");
            sql.execute("""
                    CREATE UNLOGGED TABLE stage_items (codigo text, correlativo int, codigo_producto text, nombre text,
                      descripcion text, cantidad numeric, unidad text)""");
            OpportunityGenerator generator = new OpportunityGenerator(42);
            Instant now = Instant.now();
            List<Opportunity> batch = new ArrayList<>();
            PGConnection pg = connection.unwrap(PGConnection.class);
            try (Writer main = writer(pg, "COPY stage FROM STDIN WITH (FORMAT csv)")) {
                for (int i = 0; i < rows; i++) {
                    batch.add(generator.historical(now));
                    if (batch.size() == 10_000 || i == rows - 1) {
                        for (Opportunity o : batch) {
                            csv(main, o.codigo(), o.tipo().code(), o.tipoLicitacion(), o.nombre(), o.descripcion(),
                                    o.organismo(), o.rutOrganismo(), o.unidadCompra(), o.region(), o.regionCodigo(),
                                    o.comuna(), o.montoEstimado(), o.fechaPublicacion(), o.fechaCierre(), o.estado(),
                                    o.totalOfertas(), o.plazoEntregaDias(), o.url());
                        }
                        batch.clear();
                    }
                }
            }
            // A second pass for items keeps one COPY stream open at a time on the connection.
            generator = new OpportunityGenerator(42);
            try (Writer items = writer(pg, "COPY stage_items FROM STDIN WITH (FORMAT csv)")) {
                for (int i = 0; i < rows; i++) {
                    Opportunity o = generator.historical(now);
                    for (OpportunityItem item : o.items()) {
                        csv(items, o.codigo(), item.correlativo(), item.codigoProducto(), item.nombre(),
                                item.descripcion(), item.cantidad(), item.unidad());
                    }
                }
            }
            for (String index : List.of("idx_licitaciones_search", "idx_licitaciones_search_open",
                    "idx_licitaciones_estado_cierre",
                    "idx_licitaciones_publicacion", "idx_licitaciones_cierre", "idx_licitaciones_monto",
                    "idx_licitaciones_region", "idx_licitaciones_rut_organismo", "idx_licitaciones_pending_detail",
                    "idx_licitacion_items_unspsc")) {
                sql.execute("DROP INDEX " + index);
            }
            sql.execute("SET maintenance_work_mem = '256MB'");
            sql.execute("""
                    INSERT INTO licitaciones (codigo, tipo, tipo_licitacion, nombre, descripcion, organismo, rut_organismo,
                        unidad_compra, region, region_codigo, comuna, monto_estimado, moneda, monto_original,
                        fecha_publicacion, fecha_cierre, fecha_ultimo_cambio, estado, convocatoria, total_ofertas,
                        plazo_entrega_dias, url, source, detail_fetched_at, search)
                    SELECT s.codigo, s.tipo, s.tipo_licitacion, s.nombre, s.descripcion, s.organismo, s.rut, s.unidad,
                        s.region, s.region_codigo, s.comuna, s.monto, 'CLP', s.monto, s.publicacion, s.cierre,
                        s.publicacion, s.estado, 1, s.ofertas, s.plazo, s.url, 'generated', now(),
                        setweight(to_tsvector('es_unaccent', s.nombre), 'A')
                        || setweight(to_tsvector('es_unaccent', coalesce(s.descripcion, '')), 'B')
                        || setweight(to_tsvector('es_unaccent', coalesce(p.text, '')), 'C')
                    FROM stage s LEFT JOIN (SELECT codigo, string_agg(nombre || ' ' || descripcion, ' ' ORDER BY correlativo) AS text
                                            FROM stage_items GROUP BY codigo) p ON p.codigo = s.codigo""");
            sql.execute("""
                    INSERT INTO licitacion_items (licitacion_id, correlativo, codigo_producto, nombre, descripcion, cantidad, unidad)
                    SELECT l.id, i.correlativo, i.codigo_producto, i.nombre, i.descripcion, i.cantidad, i.unidad
                    FROM stage_items i JOIN licitaciones l ON l.codigo = i.codigo""");
            sql.execute("CREATE INDEX idx_licitaciones_search ON licitaciones USING GIN (search)");
            sql.execute("CREATE INDEX idx_licitaciones_search_open ON licitaciones USING GIN (search) WHERE estado = 'publicada'");
            sql.execute("CREATE INDEX idx_licitaciones_estado_cierre ON licitaciones (estado, fecha_cierre)");
            sql.execute("CREATE INDEX idx_licitaciones_publicacion ON licitaciones (fecha_publicacion DESC, id DESC)");
            sql.execute("CREATE INDEX idx_licitaciones_cierre ON licitaciones (fecha_cierre, id)");
            sql.execute("CREATE INDEX idx_licitaciones_monto ON licitaciones (monto_estimado, id)");
            sql.execute("CREATE INDEX idx_licitaciones_region ON licitaciones (region_codigo)");
            sql.execute("CREATE INDEX idx_licitaciones_rut_organismo ON licitaciones (rut_organismo)");
            sql.execute("CREATE INDEX idx_licitaciones_pending_detail ON licitaciones (id) WHERE detail_fetched_at IS NULL");
            sql.execute("CREATE INDEX idx_licitacion_items_unspsc ON licitacion_items (codigo_producto, licitacion_id)");
            sql.execute("DROP TABLE stage");
            sql.execute("DROP TABLE stage_items");
            sql.execute("VACUUM ANALYZE licitaciones");
            sql.execute("VACUUM ANALYZE licitacion_items");
        }
    }

    private static Writer writer(PGConnection pg, String copy) throws Exception {
        return new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, copy, 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
    }

    private static void csv(Writer out, Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object value = values[i];
            if (value != null) {
                String text = value.toString();
                out.write('"');
                out.write(text.replace("\"", "\"\""));
                out.write('"');
            }
        }
        out.write('\n');
    }
}
