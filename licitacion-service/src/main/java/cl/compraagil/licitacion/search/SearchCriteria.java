package cl.compraagil.licitacion.search;

import java.time.Instant;
import java.util.List;

/** A validated search: full-text query, filters, order, page size and the cursor of the previous page. */
public record SearchCriteria(
        String q,
        String tipo,
        List<String> estados,
        Integer regionCodigo,
        String organismo,
        Long montoMin,
        Long montoMax,
        Instant cierreDesde,
        Instant cierreHasta,
        String unspsc,
        SortOrder sort,
        int limit,
        Cursor after) {

    public SearchCriteria {
        estados = estados == null ? List.of() : List.copyOf(estados);
    }

    public boolean hasQuery() {
        return q != null && !q.isBlank();
    }

    /** Only open opportunities closing between two instants, by closing date (for views). */
    public static SearchCriteria openClosingBetween(Instant from, Instant to, int limit) {
        return new SearchCriteria(null, null, List.of("publicada"), null, null, null, null, from, to, null,
                SortOrder.CLOSING_SOONEST, limit, null);
    }

    /** Only open opportunities not yet closed within an amount range (for views). */
    public static SearchCriteria openInAmountRange(Instant now, Long min, Long max, int limit) {
        return new SearchCriteria(null, null, List.of("publicada"), null, null, min, max, now, null, null,
                SortOrder.AMOUNT_ASC, limit, null);
    }
}
