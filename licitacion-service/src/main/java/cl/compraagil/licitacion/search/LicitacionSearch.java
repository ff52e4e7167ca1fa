package cl.compraagil.licitacion.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search over opportunities: Spanish full text (accent-insensitive, stemmed, ranked by ts_rank over the GIN-indexed
 * document of name, description and requested products), filters, keyset pagination and a total count.
 * <p>
 * Work per search is bounded whatever the query matches: relevance ranks only the {@value #CANDIDATES} newest
 * matches (a word found in every opportunity does not make PostgreSQL rank thirty thousand documents), and counts
 * are exact up to the same number, estimated by the planner beyond it.
 */
@Repository
public class LicitacionSearch {

    /** Matches ranked by relevance, and matches counted exactly; beyond it the total is the planner's estimate. */
    public static final int CANDIDATES = 300;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String COLUMNS = """
            l.id, l.codigo, l.tipo, l.nombre, l.organismo, l.region, l.monto_estimado, l.moneda, l.fecha_publicacion,
            l.fecha_cierre, l.estado, l.total_ofertas, l.url""";

    private final JdbcClient jdbc;
    private final int candidates;

    @Autowired
    LicitacionSearch(JdbcClient jdbc) {
        this(jdbc, CANDIDATES);
    }

    /** With another number of candidates (tests use a handful). */
    LicitacionSearch(JdbcClient jdbc, int candidates) {
        this.jdbc = jdbc;
        this.candidates = candidates;
    }

    public SearchPage search(SearchCriteria criteria) {
        Statement page = page(criteria);
        List<Row> rows = jdbc.sql(page.sql()).paramSource(page.params()).query(LicitacionSearch::row).list();
        int cap = cap(criteria);
        long matched = criteria.sort() == SortOrder.RELEVANCE && !(rows.isEmpty() && criteria.after() != null)
                ? rows.isEmpty() ? 0 : rows.get(0).matched()
                : count(criteria, cap);
        boolean exact = matched < cap;
        long total = exact ? matched : Math.max(cap, estimate(criteria));
        String next = null;
        if (rows.size() > criteria.limit()) {
            rows = rows.subList(0, criteria.limit());
            Row last = rows.get(rows.size() - 1);
            next = new Cursor(criteria.sort(), last.sortKey(), last.id()).encode();
        }
        return new SearchPage(rows.stream().map(Row::summary).toList(), total, exact, next);
    }

    /** The statement of one page (one row more than asked, to know whether there is a next page). */
    Statement page(SearchCriteria criteria) {
        return criteria.sort() == SortOrder.RELEVANCE ? ranked(criteria) : ordered(criteria);
    }

    /**
     * Relevance: the newest matches (at most {@link #cap}) are the candidates, read once through the open-rows or
     * whole-table indexes; only they are ranked, and the page is cut from them by (rank, id).
     */
    private Statement ranked(SearchCriteria criteria) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = filters(criteria, params);
        String keyset = "";
        if (criteria.after() != null) {
            keyset = " WHERE (r.rank, r.id) < (CAST(:afterKey AS real), :afterId)";
            params.addValue("afterKey", criteria.after().key()).addValue("afterId", criteria.after().id());
        }
        params.addValue("candidates", cap(criteria)).addValue("limit", criteria.limit() + 1);
        String sql = "WITH candidates AS MATERIALIZED (SELECT l.id, l.search " + from(criteria) + where
                + " ORDER BY " + SortOrder.NEWEST.expression() + " DESC, l.id DESC LIMIT :candidates),"
                + " ranked AS (SELECT c.id, ts_rank(c.search, websearch_to_tsquery('es_unaccent', :q)) AS rank"
                + " FROM candidates c),"
                + " page AS (SELECT r.id, r.rank FROM ranked r" + keyset + " ORDER BY r.rank DESC, r.id DESC LIMIT :limit)"
                + " SELECT " + COLUMNS + ", p.rank AS sort_key, p.rank::text AS sort_key_text, p.rank,"
                + " (SELECT count(*) FROM candidates) AS matched"
                + " FROM page p JOIN licitaciones l ON l.id = p.id ORDER BY p.rank DESC, p.id DESC";
        return new Statement(sql, params);
    }

    /** Any other order is a keyset over (sort key, id), served by the order's index when it has one. */
    private Statement ordered(SearchCriteria criteria) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        SortOrder sort = criteria.sort();
        String key = sort.expression();
        String keyset = "";
        if (criteria.after() != null) {
            keyset = " AND (" + key + ", l.id) " + (sort.descending() ? "<" : ">")
                    + " (CAST(:afterKey AS " + sort.sqlType() + "), :afterId)";
            params.addValue("afterKey", criteria.after().key()).addValue("afterId", criteria.after().id());
        }
        String direction = sort.descending() ? " DESC" : " ASC";
        params.addValue("limit", criteria.limit() + 1);
        String sql = "SELECT " + COLUMNS + ", " + key + " AS sort_key, (" + key + ")::text AS sort_key_text,"
                + " NULL::real AS rank, NULL::bigint AS matched "
                + from(criteria) + filters(criteria, params) + keyset
                + " ORDER BY " + key + direction + ", l.id" + direction + " LIMIT :limit";
        return new Statement(sql, params);
    }

    /** Matches counted up to the cap (one more than it means "more"). */
    private long count(SearchCriteria criteria, int cap) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("cap", cap);
        String sql = "SELECT count(*) FROM (SELECT 1 " + from(criteria) + filters(criteria, params) + " LIMIT :cap) m";
        return jdbc.sql(sql).paramSource(params).query(Long.class).single();
    }

    /** The planner's estimate of the matches, from the same statistics it plans with (no row is read). */
    private long estimate(SearchCriteria criteria) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String plan = jdbc.sql("EXPLAIN (FORMAT JSON) SELECT 1 " + from(criteria) + filters(criteria, params))
                .paramSource(params).query(String.class).single();
        JsonNode root = JSON.readTree(plan);
        return root.path(0).path("Plan").path("Plan Rows").asLong(0);
    }

    private int cap(SearchCriteria criteria) {
        return Math.max(candidates, criteria.limit() + 1);
    }

    private static String from(SearchCriteria criteria) {
        return criteria.hasQuery()
                ? "FROM licitaciones l, websearch_to_tsquery('es_unaccent', :q) query"
                : "FROM licitaciones l";
    }

    static String filters(SearchCriteria c, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        if (c.hasQuery()) {
            conditions.add("l.search @@ query");
            params.addValue("q", c.q().strip());
        }
        if (c.tipo() != null) {
            conditions.add("l.tipo = :tipo");
            params.addValue("tipo", c.tipo());
        }
        if (c.estados().equals(List.of("publicada"))) {
            // a literal, so the planner can use the indexes of open opportunities
            conditions.add("l.estado = 'publicada'");
        } else if (!c.estados().isEmpty()) {
            conditions.add("l.estado = ANY (:estados)");
            params.addValue("estados", c.estados().toArray(String[]::new));
        }
        if (c.regionCodigo() != null) {
            conditions.add("l.region_codigo = :region");
            params.addValue("region", c.regionCodigo());
        }
        if (c.organismo() != null) {
            // organismo_fold is the stored licitacion_fold(organismo): lower case, no accents, trigram-indexed
            conditions.add("(l.rut_organismo = :organismo"
                    + " OR l.organismo_fold LIKE '%' || licitacion_fold(:organismoLike) || '%')");
            params.addValue("organismo", c.organismo());
            params.addValue("organismoLike", c.organismo().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_"));
        }
        // Ranges are written on the orders' expressions (coalesce, as indexed) so that a range sorted by its own
        // column reads the index from its first row; each is equivalent to the plain comparison (amounts are >= 0).
        if (c.montoMin() != null) {
            conditions.add("coalesce(l.monto_estimado, -1) >= :montoMin");
            params.addValue("montoMin", c.montoMin());
        }
        if (c.montoMax() != null) {
            conditions.add("l.monto_estimado <= :montoMax");
            params.addValue("montoMax", c.montoMax());
        }
        if (c.cierreDesde() != null) {
            conditions.add("l.fecha_cierre IS NOT NULL AND coalesce(l.fecha_cierre, 'infinity'::timestamptz) >= :cierreDesde");
            params.addValue("cierreDesde", Timestamp.from(c.cierreDesde()));
        }
        if (c.cierreHasta() != null) {
            conditions.add("coalesce(l.fecha_cierre, 'infinity'::timestamptz) < :cierreHasta");
            params.addValue("cierreHasta", Timestamp.from(c.cierreHasta()));
        }
        if (c.unspsc() != null) {
            conditions.add("""
                    EXISTS (SELECT 1 FROM licitacion_items i WHERE i.licitacion_id = l.id
                            AND i.codigo_producto LIKE :unspsc)""");
            params.addValue("unspsc", unspscPrefix(c.unspsc()) + "%");
        }
        return conditions.isEmpty() ? " WHERE TRUE" : " WHERE " + String.join(" AND ", conditions);
    }

    /** UNSPSC segment, family and class codes end in 00 pairs ("43211500" is a class): match their members. */
    static String unspscPrefix(String code) {
        String prefix = code;
        while (prefix.length() > 2 && prefix.endsWith("00")) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return prefix;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("sort_key_text"), rs.getLong("matched"),
                new LicitacionSummary(rs.getString("codigo"), rs.getString("tipo"), rs.getString("nombre"),
                        rs.getString("organismo"), rs.getString("region"), (Long) rs.getObject("monto_estimado"),
                        rs.getString("moneda"), instant(rs.getTimestamp("fecha_publicacion")),
                        instant(rs.getTimestamp("fecha_cierre")), rs.getString("estado"),
                        (Integer) rs.getObject("total_ofertas"), rs.getString("url"), (Float) rs.getObject("rank"),
                        null));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** SQL with its named parameters. */
    record Statement(String sql, MapSqlParameterSource params) {
    }

    private record Row(long id, String sortKey, long matched, LicitacionSummary summary) {
    }
}
