package cl.compraagil.licitacion.search;

import cl.compraagil.licitacion.profile.Compatibility;
import cl.compraagil.licitacion.profile.Fit;
import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search and detail of opportunities; each one shown carries the caller's compatibility when they have a profile. */
@RestController
@RequestMapping("/api/v1/licitaciones")
class SearchController {

    static final String SORTS = "relevancia|fecha_cierre|-fecha_cierre|fecha_publicacion|-fecha_publicacion|monto|-monto";

    private final LicitacionSearch search;
    private final LicitacionDetails details;
    private final Compatibility compatibility;

    SearchController(LicitacionSearch search, LicitacionDetails details, Compatibility compatibility) {
        this.search = search;
        this.details = details;
        this.compatibility = compatibility;
    }

    @GetMapping
    @Operation(summary = "Busca licitaciones y Compras Ágiles (texto completo en español, filtros, cursor)")
    SearchPage search(AuthenticatedUser user,
            @RequestParam(required = false) @Size(max = 200, message = "Máximo 200 caracteres.") String q,
            @RequestParam(required = false) @Pattern(regexp = "compra_agil|licitacion",
                    message = "Debe ser compra_agil o licitacion.") String tipo,
            @RequestParam(required = false) @Pattern(regexp = "[a-z_]+(,[a-z_]+)*",
                    message = "Lista de estados separada por comas, p. ej. publicada,cerrada.") String estado,
            @RequestParam(required = false) @Min(value = 1, message = "La región va de 1 a 16.")
                    @Max(value = 16, message = "La región va de 1 a 16.") Integer region,
            @RequestParam(required = false) @Size(max = 200, message = "Máximo 200 caracteres.") String organismo,
            @RequestParam(name = "monto_min", required = false) @PositiveOrZero(message = "No puede ser negativo.") Long montoMin,
            @RequestParam(name = "monto_max", required = false) @PositiveOrZero(message = "No puede ser negativo.") Long montoMax,
            @RequestParam(name = "cierre_desde", required = false) String cierreDesde,
            @RequestParam(name = "cierre_hasta", required = false) String cierreHasta,
            @RequestParam(required = false) @Pattern(regexp = "\\d{2,8}",
                    message = "Código UNSPSC de 2 a 8 dígitos.") String unspsc,
            @RequestParam(required = false) @Pattern(regexp = SORTS, message = "Orden no soportado.") String sort,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "Mínimo 1.")
                    @Max(value = 100, message = "Máximo 100.") int limit,
            @RequestParam(required = false) @Size(max = 400, message = "Cursor inválido.") String cursor) {
        SearchCriteria criteria = SearchParameters.criteria(q, tipo, estado, region, organismo, montoMin, montoMax,
                cierreDesde, cierreHasta, unspsc, sort, limit, cursor);
        return withFit(user, search.search(criteria));
    }

    @GetMapping("/{codigo}")
    @Operation(summary = "Detalle de una licitación o Compra Ágil, con productos y cotizaciones publicadas")
    LicitacionDetail detail(AuthenticatedUser user,
            @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{3,40}", message = "Código inválido.") String codigo) {
        LicitacionDetail detail = details.find(codigo).orElseThrow(() -> ApiProblem.notFound("La licitación " + codigo));
        Fit fit = compatibility.score(user, List.of(codigo)).get(codigo);
        return fit == null ? detail : detail.withCompatibilidad(fit);
    }

    private SearchPage withFit(AuthenticatedUser user, SearchPage page) {
        Map<String, Fit> fits = compatibility.score(user, page.items().stream().map(LicitacionSummary::codigo).toList());
        if (fits.isEmpty()) {
            return page;
        }
        return page.map(items -> items.stream().map(item -> item.withCompatibilidad(fits.get(item.codigo()))).toList());
    }
}
