package cl.compraagil.licitacion.search;

import cl.compraagil.licitacion.catalog.OpportunityItem;
import cl.compraagil.licitacion.catalog.Quote;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Everything known about one opportunity: buyer, dates, amounts, requested items and published quotes. */
public record LicitacionDetail(
        String codigo,
        String tipo,
        String tipoLicitacion,
        String nombre,
        String descripcion,
        String estado,
        Integer convocatoria,
        Comprador comprador,
        Long montoEstimado,
        String moneda,
        BigDecimal montoOriginal,
        Fechas fechas,
        Integer plazoEntregaDias,
        Integer totalOfertas,
        List<OpportunityItem> items,
        List<Quote> cotizaciones,
        String url,
        boolean detalleCompleto,
        @JsonInclude(JsonInclude.Include.NON_NULL) Object compatibilidad) {

    public LicitacionDetail withCompatibilidad(Object fit) {
        return new LicitacionDetail(codigo, tipo, tipoLicitacion, nombre, descripcion, estado, convocatoria, comprador,
                montoEstimado, moneda, montoOriginal, fechas, plazoEntregaDias, totalOfertas, items, cotizaciones, url,
                detalleCompleto, fit);
    }

    /** The buying body and unit. */
    public record Comprador(String organismo, String rut, String unidadCompra, String region, Integer regionCodigo,
            String comuna) {
    }

    /** Publication, closing and last change, as instants (Mercado Público's Chile wall-clock converted). */
    public record Fechas(Instant publicacion, Instant cierre, Instant ultimoCambio) {
    }
}
