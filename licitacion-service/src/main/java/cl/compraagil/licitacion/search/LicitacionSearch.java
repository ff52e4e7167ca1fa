package cl.compraagil.licitacion.search;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Search over opportunities: Spanish full text (accent-insensitive, stemmed, ranked by ts_rank over the GIN-indexed
 * document of name, description and requested products), filters, keyset pagination and a total count.
 */
@Repository
public class LicitacionSearch {

    /** Counting stops here: an exact count of a very broad query costs more than the page itself. */
    public static final int EXACT_TOTAL_LIMIT = 10_000;

    private static final String COLUMNS = """
            l.id, l.codigo, l.tipo, l.nombre, l.organismo, l.region, l.monto_estimado, l.moneda, l.fecha_publicacion,
            l.fecha_cierre, l.estado, l.total_ofertas, l.url""";

    private final JdbcClient jdbc;

    LicitacionSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SearchPage search(SearchCriteria criteria) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String from = criteria.hasQuery()
                ? "FROM licitaciones l, websearch_to_tsquery('es_unaccent', :q) query"
                : "FROM licitaciones l";
        String where = filters(criteria, params);
        SortOrder sort = criteria.sort();
        String key = sort.expression();
        String keyset = "";
        if (criteria.after() != null) {
            keyset = " AND (" + key + ", l.id) " + (sort.descending() ? "<" : ">")
                    + " (CAST(:afterKey AS " + sort.sqlType() + "), :afterId)";
            params.addValue("afterKey", criteria.after().key()).addValue("afterId", criteria.after().id());
        }
        String direction = sort.descending() ? " DESC" : " ASC";
        String sql = "SELECT " + COLUMNS + ", " + key + " AS sort_key, (" + key + ")::text AS sort_key_text"
                + (sort == SortOrder.RELEVANCE ? ", " + key + " AS rank " : ", NULL::real AS rank ")
                + from + where + keyset
                + " ORDER BY " + key + direction + ", l.id" + direction + " LIMIT :limit";
        params.addValue("limit", criteria.limit() + 1);
        List<Row> rows = jdbc.sql(sql).paramSource(params).query((rs, n) -> new Row(rs.getLong("id"),
                rs.getString("sort_key_text"), new LicitacionSummary(rs.getString("codigo"), rs.getString("tipo"),
                rs.getString("nombre"), rs.getString("organismo"), rs.getString("region"),
                (Long) rs.getObject("monto_estimado"), rs.getString("moneda"),
                instant(rs.getTimestamp("fecha_publicacion")), instant(rs.getTimestamp("fecha_cierre")),
                rs.getString("estado"), (Integer) rs.getObject("total_ofertas"), rs.getString("url"),
                (Float) rs.getObject("rank"), null))).list();
        params.addValue("countLimit", EXACT_TOTAL_LIMIT + 1);
        long total = jdbc.sql("SELECT count(*) FROM (SELECT 1 " + from + where + " LIMIT :countLimit) matches")
                .paramSource(params).query(Long.class).single();
        String next = null;
        if (rows.size() > criteria.limit()) {
            rows = rows.subList(0, criteria.limit());
            Row last = rows.get(rows.size() - 1);
            next = new Cursor(sort, last.sortKey(), last.id()).encode();
        }
        boolean exact = total <= EXACT_TOTAL_LIMIT;
        return new SearchPage(rows.stream().map(Row::summary).toList(), Math.min(total, EXACT_TOTAL_LIMIT), exact, next);
    }

    private static String filters(SearchCriteria c, MapSqlParameterSource params) {
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
            // a literal, so the planner can use the partial index of open opportunities
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
            conditions.add("(l.rut_organismo = :organismo OR unaccent(l.organismo) ILIKE '%' || unaccent(:organismoLike) || '%')");
            params.addValue("organismo", c.organismo());
            params.addValue("organismoLike", c.organismo().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        }
        if (c.montoMin() != null) {
            conditions.add("l.monto_estimado >= :montoMin");
            params.addValue("montoMin", c.montoMin());
        }
        if (c.montoMax() != null) {
            conditions.add("l.monto_estimado <= :montoMax");
            params.addValue("montoMax", c.montoMax());
        }
        if (c.cierreDesde() != null) {
            conditions.add("l.fecha_cierre >= :cierreDesde");
            params.addValue("cierreDesde", Timestamp.from(c.cierreDesde()));
        }
        if (c.cierreHasta() != null) {
            conditions.add("l.fecha_cierre < :cierreHasta");
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

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Row(long id, String sortKey, LicitacionSummary summary) {
    }
}
