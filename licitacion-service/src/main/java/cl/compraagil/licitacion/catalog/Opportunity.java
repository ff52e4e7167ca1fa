package cl.compraagil.licitacion.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One opportunity as read from a source, normalised: times converted from Chile wall-clock to instants,
 * {@code montoEstimado} in CLP (the published currency and amount kept in {@code moneda}/{@code montoOriginal}).
 * {@code detailed} tells whether it came from a detail call (description, items and quotes are then authoritative)
 * or from a list call (they are absent and must not overwrite what a detail call stored).
 */
public record Opportunity(
        String codigo,
        OpportunityType tipo,
        String tipoLicitacion,
        String nombre,
        String descripcion,
        String organismo,
        String rutOrganismo,
        String unidadCompra,
        String region,
        Integer regionCodigo,
        String comuna,
        Long montoEstimado,
        String moneda,
        BigDecimal montoOriginal,
        Instant fechaPublicacion,
        Instant fechaCierre,
        Instant fechaUltimoCambio,
        String estado,
        Integer convocatoria,
        Integer totalOfertas,
        Integer plazoEntregaDias,
        List<OpportunityItem> items,
        List<Quote> cotizaciones,
        String url,
        boolean detailed,
        String source,
        String raw) {

    public Opportunity {
        items = items == null ? List.of() : List.copyOf(items);
        cotizaciones = cotizaciones == null ? List.of() : List.copyOf(cotizaciones);
    }

    public Opportunity withSource(String newSource) {
        return new Opportunity(codigo, tipo, tipoLicitacion, nombre, descripcion, organismo, rutOrganismo, unidadCompra,
                region, regionCodigo, comuna, montoEstimado, moneda, montoOriginal, fechaPublicacion, fechaCierre,
                fechaUltimoCambio, estado, convocatoria, totalOfertas, plazoEntregaDias, items, cotizaciones, url,
                detailed, newSource, raw);
    }
}
