package cl.compraagil.licitacion.search;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A page of results, the number of matches and the cursor of the next page (null on the last). Like most search
 * engines, the total is exact up to {@value LicitacionSearch#CANDIDATES} matches; beyond that {@code totalExact} is
 * false and total is PostgreSQL's estimate (never below that number).
 */
public record SearchPage(List<LicitacionSummary> items, long total, boolean totalExact, String nextCursor) {

    public SearchPage(List<LicitacionSummary> items, long total, String nextCursor) {
        this(items, total, true, nextCursor);
    }

    public SearchPage map(UnaryOperator<List<LicitacionSummary>> change) {
        return new SearchPage(change.apply(items), total, totalExact, nextCursor);
    }
}
