package cl.compraagil.licitacion.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One opportunity in a result list. {@code relevancia} is the full-text rank when the search had a query. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LicitacionSummary(
        String codigo,
        String tipo,
        String nombre,
        String organismo,
        String region,
        Long montoEstimado,
        String moneda,
        Instant fechaPublicacion,
        Instant fechaCierre,
        String estado,
        Integer totalOfertas,
        String url,
        Float relevancia,
        Object compatibilidad) {

    public LicitacionSummary withCompatibilidad(Object fit) {
        return new LicitacionSummary(codigo, tipo, nombre, organismo, region, montoEstimado, moneda, fechaPublicacion,
                fechaCierre, estado, totalOfertas, url, relevancia, fit);
    }
}
