package cl.compraagil.licitacion.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes opportunities and their items, keeping the full-text document in step with every write. */
@Repository
class OpportunityStore {

    private static final String SEARCH_DOCUMENT = SearchDocument.of("l.nombre", "l.descripcion", """
            (SELECT string_agg(coalesce(i.nombre, '') || ' ' || coalesce(i.descripcion, ''), ' ' ORDER BY i.correlativo)
             FROM licitacion_items i WHERE i.licitacion_id = l.id)""");

    private final JdbcClient jdbc;

    OpportunityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored state of an opportunity, locked for the rest of the transaction. */
    Optional<StoredOpportunity> lock(String codigo) {
        return jdbc.sql("""
                SELECT id, estado, nombre, descripcion, fecha_cierre, monto_estimado, convocatoria,
                       detail_fetched_at IS NOT NULL AS detailed
                FROM licitaciones WHERE codigo = :codigo FOR UPDATE
                """)
                .param("codigo", codigo)
                .query((rs, n) -> new StoredOpportunity(rs.getLong("id"), rs.getString("estado"), rs.getString("nombre"),
                        rs.getString("descripcion"), instant(rs.getTimestamp("fecha_cierre")),
                        (Long) rs.getObject("monto_estimado"), (Integer) rs.getObject("convocatoria"),
                        rs.getBoolean("detailed")))
                .optional()
                .map(stored -> stored.withItemsSignature(itemsSignature(items(stored.id()))));
    }

    long insert(Opportunity o) {
        Long id = jdbc.sql("""
                INSERT INTO licitaciones (codigo, tipo, tipo_licitacion, nombre, descripcion, organismo, rut_organismo,
                    unidad_compra, region, region_codigo, comuna, monto_estimado, moneda, monto_original,
                    fecha_publicacion, fecha_cierre, fecha_ultimo_cambio, estado, convocatoria, total_ofertas,
                    plazo_entrega_dias, cotizaciones, url, source, detail_fetched_at, raw, search)
                VALUES (:codigo, :tipo, :tipoLicitacion, :nombre, :descripcion, :organismo, :rutOrganismo,
                    :unidadCompra, :region, :regionCodigo, :comuna, :monto, :moneda, :montoOriginal,
                    :fechaPublicacion, :fechaCierre, :fechaUltimoCambio, :estado, :convocatoria, :totalOfertas,
                    :plazo, CAST(:cotizaciones AS jsonb), :url, :source,
                    CASE WHEN :detailed THEN now() END, CAST(:raw AS jsonb), ''::tsvector)
                ON CONFLICT (codigo) DO NOTHING
                RETURNING id
                """)
                .paramSource(params(o))
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("Concurrent insert of " + o.codigo()));
        replaceItems(id, o.items());
        refreshSearch(id);
        return id;
    }

    /** Updates from a list call keep the description, items and quotes a detail call stored earlier. */
    void update(long id, Opportunity o) {
        jdbc.sql("""
                UPDATE licitaciones SET
                    tipo_licitacion = coalesce(:tipoLicitacion, tipo_licitacion),
                    nombre = :nombre,
                    descripcion = CASE WHEN :detailed THEN :descripcion ELSE coalesce(:descripcion, descripcion) END,
                    organismo = coalesce(:organismo, organismo),
                    rut_organismo = coalesce(:rutOrganismo, rut_organismo),
                    unidad_compra = coalesce(:unidadCompra, unidad_compra),
                    region = coalesce(:region, region),
                    region_codigo = coalesce(:regionCodigo, region_codigo),
                    comuna = coalesce(:comuna, comuna),
                    monto_estimado = coalesce(:monto, monto_estimado),
                    moneda = coalesce(:moneda, moneda),
                    monto_original = coalesce(:montoOriginal, monto_original),
                    fecha_publicacion = coalesce(:fechaPublicacion, fecha_publicacion),
                    fecha_cierre = coalesce(:fechaCierre, fecha_cierre),
                    fecha_ultimo_cambio = coalesce(:fechaUltimoCambio, fecha_ultimo_cambio),
                    estado = :estado,
                    convocatoria = coalesce(:convocatoria, convocatoria),
                    total_ofertas = coalesce(:totalOfertas, total_ofertas),
                    plazo_entrega_dias = coalesce(:plazo, plazo_entrega_dias),
                    cotizaciones = CASE WHEN :detailed THEN CAST(:cotizaciones AS jsonb) ELSE cotizaciones END,
                    url = coalesce(:url, url),
                    detail_fetched_at = CASE WHEN :detailed THEN now() ELSE detail_fetched_at END,
                    raw = CASE WHEN :detailed OR detail_fetched_at IS NULL THEN CAST(:raw AS jsonb) ELSE raw END,
                    updated_at = now()
                WHERE id = :id
                """)
                .paramSource(params(o).addValue("id", id))
                .update();
        if (o.detailed()) {
            replaceItems(id, o.items());
        }
        refreshSearch(id);
    }

    List<OpportunityItem> items(long licitacionId) {
        return jdbc.sql("""
                SELECT correlativo, codigo_producto, nombre, descripcion, cantidad, unidad
                FROM licitacion_items WHERE licitacion_id = :id ORDER BY correlativo
                """)
                .param("id", licitacionId)
                .query((rs, n) -> new OpportunityItem(rs.getInt("correlativo"), rs.getString("codigo_producto"),
                        rs.getString("nombre"), rs.getString("descripcion"), rs.getBigDecimal("cantidad"),
                        rs.getString("unidad")))
                .list();
    }

    static String itemsSignature(List<OpportunityItem> items) {
        return items.stream()
                .map(i -> i.codigoProducto() + "|" + i.nombre() + "|" + i.descripcion() + "|"
                        + (i.cantidad() == null ? "" : i.cantidad().stripTrailingZeros().toPlainString()))
                .collect(Collectors.joining("\n"));
    }

    private void replaceItems(long id, List<OpportunityItem> items) {
        jdbc.sql("DELETE FROM licitacion_items WHERE licitacion_id = :id").param("id", id).update();
        for (OpportunityItem item : items) {
            jdbc.sql("""
                    INSERT INTO licitacion_items (licitacion_id, correlativo, codigo_producto, nombre, descripcion, cantidad, unidad)
                    VALUES (:id, :correlativo, :codigo, :nombre, :descripcion, :cantidad, :unidad)
                    ON CONFLICT (licitacion_id, correlativo) DO NOTHING
                    """)
                    .param("id", id)
                    .param("correlativo", item.correlativo())
                    .param("codigo", item.codigoProducto())
                    .param("nombre", item.nombre())
                    .param("descripcion", item.descripcion())
                    .param("cantidad", item.cantidad())
                    .param("unidad", item.unidad())
                    .update();
        }
    }

    private void refreshSearch(long id) {
        jdbc.sql("UPDATE licitaciones l SET search = " + SEARCH_DOCUMENT + " WHERE l.id = :id").param("id", id).update();
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(Opportunity o) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("codigo", o.codigo())
                .addValue("tipo", o.tipo().code())
                .addValue("tipoLicitacion", o.tipoLicitacion())
                .addValue("nombre", o.nombre())
                .addValue("descripcion", o.descripcion())
                .addValue("organismo", o.organismo())
                .addValue("rutOrganismo", o.rutOrganismo())
                .addValue("unidadCompra", o.unidadCompra())
                .addValue("region", o.region())
                .addValue("regionCodigo", o.regionCodigo())
                .addValue("comuna", o.comuna())
                .addValue("monto", o.montoEstimado())
                .addValue("moneda", o.moneda())
                .addValue("montoOriginal", o.montoOriginal(), java.sql.Types.NUMERIC)
                .addValue("fechaPublicacion", timestamp(o.fechaPublicacion()), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("fechaCierre", timestamp(o.fechaCierre()), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("fechaUltimoCambio", timestamp(o.fechaUltimoCambio()), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("estado", o.estado())
                .addValue("convocatoria", o.convocatoria(), java.sql.Types.SMALLINT)
                .addValue("totalOfertas", o.totalOfertas(), java.sql.Types.INTEGER)
                .addValue("plazo", o.plazoEntregaDias(), java.sql.Types.INTEGER)
                .addValue("cotizaciones", QuotesJson.write(o.cotizaciones()))
                .addValue("url", o.url())
                .addValue("source", o.source())
                .addValue("detailed", o.detailed())
                .addValue("raw", o.raw());
    }

    private static java.time.OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** What an upsert compares against to decide whether an opportunity changed. */
    record StoredOpportunity(long id, String estado, String nombre, String descripcion, Instant fechaCierre,
            Long montoEstimado, Integer convocatoria, boolean detailed, String itemsSignature) {

        StoredOpportunity(long id, String estado, String nombre, String descripcion, Instant fechaCierre,
                Long montoEstimado, Integer convocatoria, boolean detailed) {
            this(id, estado, nombre, descripcion, fechaCierre, montoEstimado, convocatoria, detailed, "");
        }

        StoredOpportunity withItemsSignature(String signature) {
            return new StoredOpportunity(id, estado, nombre, descripcion, fechaCierre, montoEstimado, convocatoria,
                    detailed, signature);
        }
    }

    static boolean sameAmount(Long a, Long b) {
        return a == null || b == null || a.equals(b);
    }
}
