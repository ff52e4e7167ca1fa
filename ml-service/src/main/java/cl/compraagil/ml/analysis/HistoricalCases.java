package cl.compraagil.ml.analysis;

import cl.compraagil.ml.licitacion.Licitacion;

import cl.compraagil.ml.catalog.ProductMatcher;
import cl.compraagil.ml.price.ComparableQuotes;
import cl.compraagil.ml.price.QuoteObservation;
import cl.compraagil.ml.text.SpanishText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Retrieval for the AI reading (RAG): the historical quotes most similar to the licitación, by product code
 * and Spanish text similarity, winners first, so the model reasons from real cases instead of inventing.
 */
@Component
class HistoricalCases {

    private final ProductMatcher matcher;
    private final ComparableQuotes quotes;

    HistoricalCases(ProductMatcher matcher, ComparableQuotes quotes) {
        this.matcher = matcher;
        this.quotes = quotes;
    }

    record Case(String codigo, String producto, String organismo, String region, LocalDate fechaCierre,
            double cantidad, long unitPrice, boolean won, String proveedor, double similarity) {
    }

    List<Case> similarTo(Licitacion licitacion, int limit) {
        Set<Integer> codes = new LinkedHashSet<>(licitacion.unspscCodes());
        if (codes.isEmpty()) {
            for (String product : licitacion.productos().isEmpty() ? List.of(String.valueOf(licitacion.nombre()))
                    : licitacion.productos()) {
                matcher.codesFor(product).stream().limit(1).forEach(match -> codes.add(match.code()));
            }
        }
        if (codes.isEmpty()) {
            return List.of();
        }
        Set<String> query = SpanishText.tokens(licitacion.searchText());
        LocalDate today = LocalDate.now();
        List<Case> cases = new ArrayList<>();
        for (QuoteObservation o : quotes.recent(List.copyOf(codes), today.minusYears(3), today.plusDays(1), 300)) {
            double similarity = SpanishText.similarity(query, SpanishText.tokens(o.producto()));
            cases.add(new Case(o.codigoCotizacion(), o.producto(), o.organismo(), o.region(), o.fechaCierre(),
                    o.cantidad(), Math.round(o.unitPrice()), o.won(), o.proveedor(), Math.round(similarity * 100) / 100.0));
        }
        return cases.stream()
                .sorted(Comparator.comparing(Case::won).reversed().thenComparing(Comparator.comparingDouble(Case::similarity).reversed()))
                .limit(limit).toList();
    }
}
