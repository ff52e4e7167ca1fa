package cl.compraagil.licitacion.catalog;

import cl.compraagil.events.OutboxWriter;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes the licitacion.* events to the outbox from the row as stored, so every event carries the merged state. */
@Component
class CatalogEvents {

    static final String NEW = "licitacion.new";
    static final String UPDATED = "licitacion.updated";
    static final String CLOSING = "licitacion.closing";

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;

    CatalogEvents(JdbcClient jdbc, OutboxWriter outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    void publish(String type, long id, String previousEstado, Integer hoursToClose, List<String> changedFields) {
        LicitacionEventData data = data(id, previousEstado, hoursToClose, changedFields);
        outbox.append(type, data.codigo(), data);
    }

    private LicitacionEventData data(long id, String previousEstado, Integer hoursToClose, List<String> changedFields) {
        record Item(String codigo, String nombre) {
        }
        List<Item> items = jdbc.sql("""
                SELECT codigo_producto, coalesce(nombre, descripcion) AS nombre
                FROM licitacion_items WHERE licitacion_id = :id ORDER BY correlativo
                """)
                .param("id", id)
                .query((rs, n) -> new Item(rs.getString("codigo_producto"), rs.getString("nombre")))
                .list();
        return jdbc.sql("""
                SELECT codigo, tipo, nombre, descripcion, organismo, rut_organismo, region, monto_estimado, moneda,
                       fecha_publicacion, fecha_cierre, estado, convocatoria, url
                FROM licitaciones WHERE id = :id
                """)
                .param("id", id)
                .query((rs, n) -> new LicitacionEventData(rs.getString("codigo"), rs.getString("tipo"),
                        rs.getString("nombre"), rs.getString("descripcion"), rs.getString("organismo"),
                        rs.getString("rut_organismo"), rs.getString("region"), (Long) rs.getObject("monto_estimado"),
                        rs.getString("moneda"), instant(rs.getTimestamp("fecha_publicacion")),
                        instant(rs.getTimestamp("fecha_cierre")), rs.getString("estado"), previousEstado,
                        rs.getObject("convocatoria", Integer.class),
                        items.stream().map(Item::codigo).filter(Objects::nonNull).distinct().toList(),
                        items.stream().map(Item::nombre).filter(Objects::nonNull).map(String::strip).toList(),
                        rs.getString("url"), hoursToClose, changedFields))
                .single();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
