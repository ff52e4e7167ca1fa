package cl.compraagil.licitacion.search;

import cl.compraagil.licitacion.mercadopublico.ChileTime;
import cl.compraagil.problem.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** Turns the validated query parameters of a search into criteria, refusing contradictory combinations. */
public final class SearchParameters {

    /** Without an estado filter a search looks at open opportunities, what a supplier can still quote on. */
    static final String OPEN = "publicada";
    /** {@code estado=todos} searches every state, closed and awarded ones included. */
    static final String ALL = "todos";

    private SearchParameters() {
    }

    public static SearchCriteria criteria(String q, String tipo, String estado, Integer region, String organismo,
            Long montoMin, Long montoMax, String cierreDesde, String cierreHasta, String unspsc, String sort,
            int limit, String cursor) {
        boolean hasQuery = q != null && !q.isBlank();
        SortOrder order = sort == null ? (hasQuery ? SortOrder.RELEVANCE : SortOrder.NEWEST) : SortOrder.fromCode(sort);
        if (order == SortOrder.RELEVANCE && !hasQuery) {
            throw ApiProblem.badRequest("invalid_sort", "Ordenar por relevancia requiere un texto de búsqueda (q).");
        }
        if (montoMin != null && montoMax != null && montoMin > montoMax) {
            throw ApiProblem.badRequest("invalid_range", "El monto mínimo no puede ser mayor que el máximo.");
        }
        Instant desde = instant("cierre_desde", cierreDesde);
        Instant hasta = instant("cierre_hasta", cierreHasta);
        if (desde != null && hasta != null && !desde.isBefore(hasta)) {
            throw ApiProblem.badRequest("invalid_range", "cierre_desde debe ser anterior a cierre_hasta.");
        }
        List<String> estados = estado == null ? List.of(OPEN) : Arrays.stream(estado.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
        if (estados.contains(ALL)) {
            estados = List.of();
        }
        return new SearchCriteria(hasQuery ? q.strip() : null, tipo, estados, region,
                organismo == null || organismo.isBlank() ? null : organismo.strip(), montoMin, montoMax, desde, hasta,
                unspsc, order, limit, cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, order));
    }

    /** A date ({@code 2026-11-30}, the start of that day in Chile) or an ISO instant with offset. */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ChileTime.ZONE).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("invalid_parameter", "El parámetro '" + name
                    + "' debe ser una fecha (2026-11-30) o una fecha y hora ISO-8601 con zona.");
        }
    }
}
