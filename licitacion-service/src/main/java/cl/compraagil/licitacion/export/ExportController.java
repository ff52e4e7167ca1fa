package cl.compraagil.licitacion.export;

import cl.compraagil.licitacion.search.SearchCriteria;
import cl.compraagil.licitacion.search.SearchParameters;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search results and saved licitaciones as CSV or Excel files, counted against the plan's monthly exports. */
@RestController
class ExportController {

    private final Exports exports;

    ExportController(Exports exports) {
        this.exports = exports;
    }

    @GetMapping("/api/v1/licitaciones/export")
    @Operation(summary = "Exporta los resultados de una búsqueda (hasta 5.000 filas) a CSV o XLSX")
    ResponseEntity<byte[]> search(AuthenticatedUser user,
            @RequestParam(defaultValue = "xlsx") @Pattern(regexp = "csv|xlsx", message = "Formato csv o xlsx.") String format,
            @RequestParam(required = false) @Size(max = 200, message = "Máximo 200 caracteres.") String q,
            @RequestParam(required = false) @Pattern(regexp = "compra_agil|licitacion",
                    message = "Debe ser compra_agil o licitacion.") String tipo,
            @RequestParam(required = false) @Pattern(regexp = "[a-z_]+(,[a-z_]+)*",
                    message = "Lista de estados separada por comas.") String estado,
            @RequestParam(required = false) @Min(value = 1, message = "La región va de 1 a 16.")
                    @Max(value = 16, message = "La región va de 1 a 16.") Integer region,
            @RequestParam(required = false) @Size(max = 200, message = "Máximo 200 caracteres.") String organismo,
            @RequestParam(name = "monto_min", required = false) @PositiveOrZero(message = "No puede ser negativo.") Long montoMin,
            @RequestParam(name = "monto_max", required = false) @PositiveOrZero(message = "No puede ser negativo.") Long montoMax,
            @RequestParam(name = "cierre_desde", required = false) String cierreDesde,
            @RequestParam(name = "cierre_hasta", required = false) String cierreHasta,
            @RequestParam(required = false) @Pattern(regexp = "\\d{2,8}", message = "Código UNSPSC de 2 a 8 dígitos.") String unspsc,
            @RequestParam(required = false) @Pattern(regexp = "relevancia|fecha_cierre|-fecha_cierre|fecha_publicacion|-fecha_publicacion|monto|-monto",
                    message = "Orden no soportado.") String sort) {
        SearchCriteria criteria = SearchParameters.criteria(q, tipo, estado, region, organismo, montoMin, montoMax,
                cierreDesde, cierreHasta, unspsc, sort, Exports.MAX_ROWS, null);
        ExportFormat fileFormat = ExportFormat.of(format);
        return file("licitaciones", fileFormat, exports.searchResults(user.id(), criteria, fileFormat));
    }

    @GetMapping("/api/v1/licitaciones/saved/export")
    @Operation(summary = "Exporta mis licitaciones guardadas a CSV o XLSX")
    ResponseEntity<byte[]> saved(AuthenticatedUser user,
            @RequestParam(defaultValue = "xlsx") @Pattern(regexp = "csv|xlsx", message = "Formato csv o xlsx.") String format) {
        ExportFormat fileFormat = ExportFormat.of(format);
        return file("guardadas", fileFormat, exports.savedLicitaciones(user.id(), fileFormat));
    }

    private static ResponseEntity<byte[]> file(String name, ExportFormat format, byte[] body) {
        String filename = name + "-" + LocalDate.now(cl.compraagil.licitacion.mercadopublico.ChileTime.ZONE) + "."
                + format.extension();
        return ResponseEntity.ok()
                .contentType(format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}
