package cl.compraagil.licitacion.search;

import cl.compraagil.licitacion.catalog.OpportunityItem;
import cl.compraagil.licitacion.catalog.QuotesJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads one opportunity with its items. */
@Repository
public class LicitacionDetails {

    private final JdbcClient jdbc;

    LicitacionDetails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LicitacionDetail> find(String codigo) {
        return jdbc.sql("""
                SELECT id, codigo, tipo, tipo_licitacion, nombre, descripcion, estado, convocatoria, organismo,
                       rut_organismo, unidad_compra, region, region_codigo, comuna, monto_estimado, moneda,
                       monto_original, fecha_publicacion, fecha_cierre, fecha_ultimo_cambio, plazo_entrega_dias,
                       total_ofertas, cotizaciones::text AS cotizaciones, url, detail_fetched_at IS NOT NULL AS detailed
                FROM licitaciones WHERE codigo = :codigo
                """)
                .param("codigo", codigo)
                .query((rs, n) -> detail(rs, items(rs.getLong("id"))))
                .optional();
    }

    public boolean exists(String codigo) {
        return jdbc.sql("SELECT count(*) FROM licitaciones WHERE codigo = :codigo").param("codigo", codigo)
                .query(Long.class).single() > 0;
    }

    private List<OpportunityItem> items(long id) {
        return jdbc.sql("""
                SELECT correlativo, codigo_producto, nombre, descripcion, cantidad, unidad
                FROM licitacion_items WHERE licitacion_id = :id ORDER BY correlativo
                """)
                .param("id", id)
                .query((rs, n) -> new OpportunityItem(rs.getInt("correlativo"), rs.getString("codigo_producto"),
                        rs.getString("nombre"), rs.getString("descripcion"), rs.getBigDecimal("cantidad"),
                        rs.getString("unidad")))
                .list();
    }

    private static LicitacionDetail detail(ResultSet rs, List<OpportunityItem> items) throws SQLException {
        return new LicitacionDetail(rs.getString("codigo"), rs.getString("tipo"), rs.getString("tipo_licitacion"),
                rs.getString("nombre"), rs.getString("descripcion"), rs.getString("estado"),
                (Integer) rs.getObject("convocatoria", Integer.class),
                new LicitacionDetail.Comprador(rs.getString("organismo"), rs.getString("rut_organismo"),
                        rs.getString("unidad_compra"), rs.getString("region"),
                        rs.getObject("region_codigo", Integer.class), rs.getString("comuna")),
                (Long) rs.getObject("monto_estimado"), rs.getString("moneda"), rs.getBigDecimal("monto_original"),
                new LicitacionDetail.Fechas(instant(rs.getTimestamp("fecha_publicacion")),
                        instant(rs.getTimestamp("fecha_cierre")), instant(rs.getTimestamp("fecha_ultimo_cambio"))),
                rs.getObject("plazo_entrega_dias", Integer.class), rs.getObject("total_ofertas", Integer.class),
                items, QuotesJson.read(rs.getString("cotizaciones")), rs.getString("url"), rs.getBoolean("detailed"),
                null);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
