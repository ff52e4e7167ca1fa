package cl.compraagil.licitacion.search;

import cl.compraagil.licitacion.catalog.Opportunity;
import cl.compraagil.licitacion.catalog.OpportunityItem;
import cl.compraagil.licitacion.catalog.SearchDocument;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Search p50/p95 per kind of query over generated opportunities (default 1 million, loaded with COPY), with the
 * service's real search SQL, against the seed bot's approach (ILIKE '%word%' scans, OFFSET pages, exact counts)
 * for the same queries and filters. Also the PostgreSQL backend's CPU time per query (steadier than wall-clock on
 * a shared machine) and one EXPLAIN (ANALYZE, BUFFERS) per kind. Run with {@code bench/search.sh}; skipped in the
 * normal build.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class SearchBenchmark {

    /** Bumped whenever the generator or the loader changes, so a reused database is reloaded. */
    private static final String DATASET = "generator-v2-zipf-publication-order";
    private static final List<String> OPEN = List.of("publicada");
    private static final List<String> ALL = List.of();

    private final Instant now = Instant.now();

    @Test
    void searchAgainstIlike() throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        int iterations = Integer.getInteger("bench.iterations", 30);
        int ilikeIterations = Integer.getInteger("bench.ilike-iterations", 5);
        String external = System.getProperty("bench.url", "");
        String url = external.isBlank() ? EmbeddedEngines.jdbcUrl("licitacion_bench") : external;
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "postgres", "postgres", true);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        boolean reuse = !external.isBlank() && loaded(jdbc, rows);
        if (!reuse) {
            Flyway.configure().dataSource(url, "postgres", "postgres").cleanDisabled(false)
                    .locations("classpath:db/migration", "classpath:db/outbox").load().clean();
        }
        Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations("classpath:db/migration", "classpath:db/outbox").load().migrate();
        double loadSeconds = 0;
        if (!reuse) {
            long loadStart = System.nanoTime();
            load(dataSource, rows);
            loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        }
        // what the service's connection pool sets on every connection (application.yml)
        jdbc.sql("SET jit = off").update();
        jdbc.sql("SET plan_cache_mode = force_custom_plan").update();

        LicitacionSearch search = new LicitacionSearch(jdbc);
        long open = jdbc.sql("SELECT count(*) FROM licitaciones WHERE estado = 'publicada'").query(Long.class).single();
        long pid = jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
        StringBuilder table = new StringBuilder();
        table.append(String.format("rows: %,d (open: %,d)  %s  fts iterations per query: %d, ilike: %d%n", rows, open,
                reuse ? "dataset reused" : String.format("load (COPY + tsvector + indexes): %.0f s", loadSeconds),
                iterations, ilikeIterations));
        table.append(String.format("%n| %-34s | %7s | %8s | %8s | %8s | %9s | %9s | %9s | %9s | %7s |%n", "kind (queries)",
                "matches", "fts p50", "fts p95", "fts cpu", "ilike p50", "ilike p95", "ilike cpu", "p50 ratio",
                "cpu x"));
        table.append("|---|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder plans = new StringBuilder();
        List<Double> defaultFts = new ArrayList<>();
        List<Double> defaultIlike = new ArrayList<>();
        for (Kind kind : kinds(search, jdbc)) {
            Result result = measure(kind, jdbc, pid, iterations, kind.historical() ? Math.max(2, ilikeIterations / 2)
                    : ilikeIterations);
            if (!kind.historical()) {
                defaultFts.addAll(result.fts());
                defaultIlike.addAll(result.ilike());
            }
            table.append(result.line(kind));
            plans.append("### ").append(kind.name()).append(": ").append(kind.queries().get(0).label()).append("\n\n```\n")
                    .append(explain(jdbc, search, kind.queries().get(0).criteria())).append("```\n\n");
        }
        table.append(String.format("| %-34s | %7s | %6.1f ms | %6.1f ms | %8s | %7.0f ms | %7.0f ms | %9s | %8.0fx | %7s |%n",
                "ALL open-opportunity kinds", "", percentile(defaultFts, 50), percentile(defaultFts, 95), "",
                percentile(defaultIlike, 50), percentile(defaultIlike, 95), "",
                percentile(defaultIlike, 50) / percentile(defaultFts, 50), ""));
        Files.writeString(Path.of("target", "bench-search.txt"), table.toString());
        Files.writeString(Path.of("target", "bench-search-plans.md"), plans.toString());
        System.out.println(table);
        dataSource.destroy();
    }

    /** The query mix: common and rare words, broad words, filters, browsing without words, page 2, history. */
    private List<Kind> kinds(LicitacionSearch search, JdbcClient jdbc) {
        Instant inFiveDays = now.plus(Duration.ofDays(5));
        List<Kind> kinds = new ArrayList<>();
        kinds.add(new Kind("common words (8)", false, List.of(text("notebook"), text("resmas papel carta"),
                text("guantes nitrilo"), text("computador escritorio"), text("tóner HP"), text("alcohol gel"),
                text("mascarillas quirúrgicas"), text("sillas ergonómicas"))));
        kinds.add(new Kind("rare words (8)", false, List.of(text("desfibrilador"), text("motosierra"),
                text("electrocardiógrafo"), text("paneles solares"), text("ecógrafo"), text("kayaks"),
                text("sismógrafo"), text("incubadora neonatal"))));
        kinds.add(new Kind("words in most documents (3)", false, List.of(text("adquisición"), text("suministro"),
                text("municipalidad"))));
        kinds.add(new Kind("words + filters (6)", false, List.of(
                q("notebook, region 13", "notebook", OPEN).region(13),
                q("guantes, compra ágil, ≤ 2 M", "guantes", OPEN).tipo("compra_agil").monto(null, 2_000_000L),
                q("cemento, closing ≤ 5 days", "cemento", OPEN).cierre(now, inFiveDays),
                q("computador, UNSPSC 43211500", "computador", OPEN).unspsc("43211500"),
                q("sillas, organismo maipu", "sillas", OPEN).organismo("municipalidad de maipu"),
                q("desfibrilador, region 8", "desfibrilador", OPEN).region(8))));
        kinds.add(new Kind("no words, filters and sort (6)", false, List.of(
                q("newest", null, OPEN),
                q("urgentes: closing ≤ 3 days", null, OPEN).cierre(now, now.plus(Duration.ofDays(3)))
                        .sort(SortOrder.CLOSING_SOONEST),
                q("por monto 1–3 M", null, OPEN).monto(1_000_000L, 3_000_000L).sort(SortOrder.AMOUNT_ASC),
                q("region 8, newest", null, OPEN).region(8),
                q("UNSPSC 42132203, newest", null, OPEN).unspsc("42132203"),
                q("organismo hospital", null, OPEN).organismo("hospital"))));
        kinds.add(new Kind("page 2 by cursor (3)", false, List.of(
                secondPage(search, q("notebook p2", "notebook", OPEN)),
                secondPage(search, q("guantes nitrilo p2", "guantes nitrilo", OPEN)),
                secondPage(search, q("newest p2", null, OPEN)))));
        kinds.add(new Kind("estado=todos: whole history (4)", true, List.of(q("notebook (all)", "notebook", ALL),
                q("desfibrilador (all)", "desfibrilador", ALL), q("sismógrafo (all)", "sismógrafo", ALL),
                q("cemento, region 5 (all)", "cemento", ALL).region(5))));
        return kinds;
    }

    private Query text(String words) {
        return q(words, words, OPEN);
    }

    private Query q(String label, String words, List<String> estados) {
        return new Query(label, new SearchCriteria(words, null, estados, null, null, null, null, null, null, null,
                words == null ? SortOrder.NEWEST : SortOrder.RELEVANCE, 20, null), 0);
    }

    private static Query secondPage(LicitacionSearch search, Query first) {
        SearchCriteria c = first.criteria();
        SearchPage page = search.search(c);
        Cursor cursor = Cursor.decode(page.nextCursor(), c.sort());
        return new Query(first.label(), new SearchCriteria(c.q(), c.tipo(), c.estados(), c.regionCodigo(), c.organismo(),
                c.montoMin(), c.montoMax(), c.cierreDesde(), c.cierreHasta(), c.unspsc(), c.sort(), c.limit(), cursor),
                c.limit());
    }

    private Result measure(Kind kind, JdbcClient jdbc, long pid, int iterations, int ilikeIterations) {
        LicitacionSearch search = new LicitacionSearch(jdbc);
        long matches = 0;
        boolean exact = true;
        for (Query query : kind.queries()) {
            SearchPage page = search.search(query.criteria());
            matches += page.total();
            exact &= page.totalExact();
            search.search(query.criteria());
        }
        List<Double> fts = new ArrayList<>();
        long cpuBefore = cpuTicks(pid);
        for (int i = 0; i < iterations; i++) {
            for (Query query : kind.queries()) {
                fts.add(time(() -> search.search(query.criteria())));
            }
        }
        double ftsCpu = (cpuTicks(pid) - cpuBefore) * 10.0 / (iterations * kind.queries().size());
        List<Double> ilike = new ArrayList<>();
        for (Query query : kind.queries()) {
            ilike(jdbc, query);
        }
        cpuBefore = cpuTicks(pid);
        for (int i = 0; i < ilikeIterations; i++) {
            for (Query query : kind.queries()) {
                ilike.add(time(() -> ilike(jdbc, query)));
            }
        }
        double ilikeCpu = (cpuTicks(pid) - cpuBefore) * 10.0 / (ilikeIterations * kind.queries().size());
        return new Result((exact ? "" : "≥") + matches / kind.queries().size(), fts, ilike, ftsCpu, ilikeCpu);
    }

    /**
     * The seed bot's search for the same query: every word as ILIKE '%word%' over name or description (accents
     * must match), the same filters, newest first, OFFSET pages and an exact count.
     */
    private static int ilike(JdbcClient jdbc, Query query) {
        SearchCriteria c = query.criteria();
        MapSqlParameterSource params = new MapSqlParameterSource();
        SearchCriteria withoutText = new SearchCriteria(null, c.tipo(), c.estados(), c.regionCodigo(), c.organismo(),
                c.montoMin(), c.montoMax(), c.cierreDesde(), c.cierreHasta(), c.unspsc(), SortOrder.NEWEST, c.limit(), null);
        StringBuilder where = new StringBuilder(LicitacionSearch.filters(withoutText, params));
        String[] words = c.hasQuery() ? c.q().split("\\s+") : new String[0];
        for (int i = 0; i < words.length; i++) {
            where.append(" AND (l.nombre ILIKE :w").append(i).append(" OR l.descripcion ILIKE :w").append(i).append(")");
            params.addValue("w" + i, "%" + words[i] + "%");
        }
        params.addValue("offset", query.offset());
        int rows = jdbc.sql("SELECT l.codigo, l.nombre FROM licitaciones l" + where
                + " ORDER BY l.fecha_publicacion DESC LIMIT 20 OFFSET :offset").paramSource(params).query().listOfRows()
                .size();
        jdbc.sql("SELECT count(*) FROM licitaciones l" + where).paramSource(params).query(Long.class).single();
        return rows;
    }

    private static String explain(JdbcClient jdbc, LicitacionSearch search, SearchCriteria criteria) {
        LicitacionSearch.Statement page = search.page(criteria);
        return String.join("\n", jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + page.sql()).paramSource(page.params())
                .query(String.class).list()) + "\n";
    }

    private static boolean loaded(JdbcClient jdbc, int rows) {
        try {
            return jdbc.sql("SELECT count(*) FROM bench_dataset WHERE rows = :rows AND dataset = :dataset")
                    .param("rows", rows).param("dataset", DATASET).query(Long.class).single() > 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** utime + stime of the PostgreSQL backend serving the benchmark's connection, in clock ticks (10 ms). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return 0;
        }
    }

    private static double time(Supplier<?> run) {
        long start = System.nanoTime();
        run.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double percentile(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /**
     * COPY into unlogged staging tables, then one set-based insert in publication order (the order rows arrive in
     * production: today's open opportunities are the newest rows) that builds the search documents; the secondary
     * indexes are dropped for the load and rebuilt from their own definitions.
     */
    private void load(DataSource dataSource, int rows) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("""
                    CREATE UNLOGGED TABLE stage (codigo text, tipo text, tipo_licitacion text, nombre text, descripcion text,
                      organismo text, rut text, unidad text, region text, region_codigo smallint, comuna text,
                      monto bigint, publicacion timestamptz, cierre timestamptz, estado text, ofertas int, plazo int, url text)""");
            sql.execute("""
                    CREATE UNLOGGED TABLE stage_items (codigo text, correlativo int, codigo_producto text, nombre text,
                      descripcion text, cantidad numeric, unidad text)""");
            PGConnection pg = connection.unwrap(PGConnection.class);
            try (Writer main = writer(pg, "COPY stage FROM STDIN WITH (FORMAT csv)")) {
                OpportunityGenerator generator = new OpportunityGenerator(42);
                for (int i = 0; i < rows; i++) {
                    Opportunity o = generator.historical(now);
                    csv(main, o.codigo(), o.tipo().code(), o.tipoLicitacion(), o.nombre(), o.descripcion(),
                            o.organismo(), o.rutOrganismo(), o.unidadCompra(), o.region(), o.regionCodigo(),
                            o.comuna(), o.montoEstimado(), o.fechaPublicacion(), o.fechaCierre(), o.estado(),
                            o.totalOfertas(), o.plazoEntregaDias(), o.url());
                }
            }
            // A second pass for items keeps one COPY stream open at a time on the connection.
            try (Writer items = writer(pg, "COPY stage_items FROM STDIN WITH (FORMAT csv)")) {
                OpportunityGenerator generator = new OpportunityGenerator(42);
                for (int i = 0; i < rows; i++) {
                    Opportunity o = generator.historical(now);
                    for (OpportunityItem item : o.items()) {
                        csv(items, o.codigo(), item.correlativo(), item.codigoProducto(), item.nombre(),
                                item.descripcion(), item.cantidad(), item.unidad());
                    }
                }
            }
            List<Map<String, Object>> indexes = JdbcClient.create(dataSource).sql("""
                    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
                    FROM pg_index i
                    WHERE i.indrelid IN ('licitaciones'::regclass, 'licitacion_items'::regclass)
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                    """).query().listOfRows();
            for (Map<String, Object> index : indexes) {
                sql.execute("DROP INDEX " + index.get("name"));
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
                    """ + SearchDocument.of("s.nombre", "s.descripcion", "p.text") + """

                    FROM stage s LEFT JOIN (SELECT codigo, string_agg(nombre || ' ' || descripcion, ' ' ORDER BY correlativo) AS text
                                            FROM stage_items GROUP BY codigo) p ON p.codigo = s.codigo
                    ORDER BY s.publicacion, s.codigo""");
            sql.execute("""
                    INSERT INTO licitacion_items (licitacion_id, correlativo, codigo_producto, nombre, descripcion, cantidad, unidad)
                    SELECT l.id, i.correlativo, i.codigo_producto, i.nombre, i.descripcion, i.cantidad, i.unidad
                    FROM stage_items i JOIN licitaciones l ON l.codigo = i.codigo ORDER BY l.id, i.correlativo""");
            for (Map<String, Object> index : indexes) {
                sql.execute(index.get("definition").toString());
            }
            sql.execute("DROP TABLE stage");
            sql.execute("DROP TABLE stage_items");
            sql.execute("VACUUM ANALYZE licitaciones");
            sql.execute("VACUUM ANALYZE licitacion_items");
            sql.execute("CREATE TABLE bench_dataset (rows int, dataset text, loaded_at timestamptz DEFAULT now())");
            sql.execute("INSERT INTO bench_dataset (rows, dataset) VALUES (" + rows + ", '" + DATASET + "')");
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

    /** One benchmark query: a label, the search criteria and, for the ILIKE side, the OFFSET of its page. */
    private record Query(String label, SearchCriteria criteria, int offset) {

        Query region(int region) {
            return with(new SearchCriteria(criteria.q(), criteria.tipo(), criteria.estados(), region,
                    criteria.organismo(), criteria.montoMin(), criteria.montoMax(), criteria.cierreDesde(),
                    criteria.cierreHasta(), criteria.unspsc(), criteria.sort(), criteria.limit(), null));
        }

        Query tipo(String tipo) {
            return with(new SearchCriteria(criteria.q(), tipo, criteria.estados(), criteria.regionCodigo(),
                    criteria.organismo(), criteria.montoMin(), criteria.montoMax(), criteria.cierreDesde(),
                    criteria.cierreHasta(), criteria.unspsc(), criteria.sort(), criteria.limit(), null));
        }

        Query organismo(String organismo) {
            return with(new SearchCriteria(criteria.q(), criteria.tipo(), criteria.estados(), criteria.regionCodigo(),
                    organismo, criteria.montoMin(), criteria.montoMax(), criteria.cierreDesde(),
                    criteria.cierreHasta(), criteria.unspsc(), criteria.sort(), criteria.limit(), null));
        }

        Query monto(Long min, Long max) {
            return with(new SearchCriteria(criteria.q(), criteria.tipo(), criteria.estados(), criteria.regionCodigo(),
                    criteria.organismo(), min, max, criteria.cierreDesde(), criteria.cierreHasta(), criteria.unspsc(),
                    criteria.sort(), criteria.limit(), null));
        }

        Query cierre(Instant desde, Instant hasta) {
            return with(new SearchCriteria(criteria.q(), criteria.tipo(), criteria.estados(), criteria.regionCodigo(),
                    criteria.organismo(), criteria.montoMin(), criteria.montoMax(), desde, hasta, criteria.unspsc(),
                    criteria.sort(), criteria.limit(), null));
        }

        Query unspsc(String code) {
            return with(new SearchCriteria(criteria.q(), criteria.tipo(), criteria.estados(), criteria.regionCodigo(),
                    criteria.organismo(), criteria.montoMin(), criteria.montoMax(), criteria.cierreDesde(),
                    criteria.cierreHasta(), code, criteria.sort(), criteria.limit(), null));
        }

        Query sort(SortOrder sort) {
            return with(new SearchCriteria(criteria.q(), criteria.tipo(), criteria.estados(), criteria.regionCodigo(),
                    criteria.organismo(), criteria.montoMin(), criteria.montoMax(), criteria.cierreDesde(),
                    criteria.cierreHasta(), criteria.unspsc(), sort, criteria.limit(), null));
        }

        private Query with(SearchCriteria changed) {
            return new Query(label, changed, offset);
        }
    }

    private record Kind(String name, boolean historical, List<Query> queries) {
    }

    private record Result(String matches, List<Double> fts, List<Double> ilike, double ftsCpu, double ilikeCpu) {

        String line(Kind kind) {
            return String.format("| %-34s | %7s | %6.1f ms | %6.1f ms | %5.1f ms | %7.0f ms | %7.0f ms | %6.0f ms | %8.0fx | %6.0fx |%n",
                    kind.name(), matches, percentile(fts, 50), percentile(fts, 95), ftsCpu, percentile(ilike, 50),
                    percentile(ilike, 95), ilikeCpu, percentile(ilike, 50) / percentile(fts, 50),
                    ilikeCpu / Math.max(ftsCpu, 0.01));
        }
    }
}
