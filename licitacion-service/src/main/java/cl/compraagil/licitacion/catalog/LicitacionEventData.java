package cl.compraagil.licitacion.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Data of {@code licitacion.new}, {@code licitacion.updated} and {@code licitacion.closing} (snake_case on the wire).
 * {@code hoursToClose} appears only in closing events and {@code changedFields} only in updates; {@code convocatoria}
 * is 1 for the first call and 2 for a Compra Ágil second call ("segundo llamado").
 */
public record LicitacionEventData(
        String codigo,
        String tipo,
        String nombre,
        String descripcion,
        String organismo,
        String rutOrganismo,
        String region,
        Long montoEstimado,
        String moneda,
        Instant fechaPublicacion,
        Instant fechaCierre,
        String estado,
        String previousEstado,
        Integer convocatoria,
        List<String> unspscCodes,
        List<String> productos,
        String url,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer hoursToClose,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> changedFields) {
}
