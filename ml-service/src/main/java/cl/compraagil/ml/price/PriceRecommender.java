package cl.compraagil.ml.price;

import cl.compraagil.ml.catalog.ProductMatcher;
import cl.compraagil.ml.price.PriceRecommendation.ComparableCase;
import cl.compraagil.ml.price.PriceRecommendation.CurvePoint;
import cl.compraagil.ml.price.PriceRecommendation.Distribution;
import cl.compraagil.ml.price.PriceRecommendation.MarginOptimum;
import cl.compraagil.ml.price.PriceRecommendation.Recency;
import cl.compraagil.ml.price.PriceRecommendation.SampleSize;
import cl.compraagil.ml.text.SpanishText;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Recommends the unit price that wins: finds comparable bids by product code and Spanish text similarity,
 * weights them by similarity, region, organismo, quantity and recency, and reads the weighted distribution
 * of winning prices and a win-probability curve fitted on winners and losers.
 */
@Service
public class PriceRecommender {

    static final int LOOKBACK_DAYS = 730;
    private static final int PER_CODE = 1500;
    private static final double[] CURVE_STEPS = {0.8, 0.9, 0.95, 1.0, 1.05, 1.1, 1.2};

    private final ProductMatcher matcher;
    private final ComparableQuotes quotes;
    private final TextMemo memo = new TextMemo();

    PriceRecommender(ProductMatcher matcher, ComparableQuotes quotes) {
        this.matcher = matcher;
        this.quotes = quotes;
    }

    public PriceRecommendation recommend(PriceRequest request) {
        return recommend(request, LocalDate.now().plusDays(1));
    }

    /** Uses only history closed before {@code asOf}: the same code answers users and held-out evaluation. */
    public PriceRecommendation recommend(PriceRequest request, LocalDate asOf) {
        List<Integer> codes = request.unspscCode() != null ? List.of(request.unspscCode())
                : matcher.codesFor(request.product()).stream().map(ProductMatcher.CodeMatch::code).toList();
        List<QuoteObservation> found = codes.isEmpty() ? List.of()
                : quotes.recent(codes, asOf.minusDays(LOOKBACK_DAYS), asOf, PER_CODE);
        Query query = new Query(SpanishText.tokens(request.product()), normalisedOrNull(request.region()),
                normalisedOrNull(request.organismo()), request.quantity(), asOf);
        List<Weighted> weighted = new ArrayList<>(found.size());
        for (QuoteObservation observation : found) {
            weighted.add(weigh(observation, query));
        }
        List<Weighted> winners = weighted.stream().filter(w -> w.observation().won()).toList();
        if (winners.isEmpty()) {
            return insufficient(request, codes, weighted.size());
        }
        double[] prices = winners.stream().mapToDouble(w -> w.observation().unitPrice()).toArray();
        double[] weights = winners.stream().mapToDouble(Weighted::weight).toArray();
        WeightedQuantiles quantiles = new WeightedQuantiles(prices, weights);
        double effective = WeightedQuantiles.effectiveSize(weights);
        double median = quantiles.quantile(0.5);
        boolean few = winners.size() < 5 || effective < 3;
        Distribution distribution = few
                ? new Distribution(round(median * 0.6), round(median * 0.8), round(median), round(median * 1.25),
                        round(median * 1.5))
                : new Distribution(round(quantiles.quantile(0.1)), round(quantiles.quantile(0.25)), round(median),
                        round(quantiles.quantile(0.75)), round(quantiles.quantile(0.9)));
        WinCurve curve = fitCurve(weighted, median);
        int quantity = request.quantity();
        List<CurvePoint> points = new ArrayList<>();
        for (double step : CURVE_STEPS) {
            double price = median * step;
            points.add(new CurvePoint(round(price), round(price * quantity), rounded(curve.probability(price, median))));
        }
        String confidence = confidence(effective, distribution, few);
        return new PriceRecommendation(request.product(), codes, quantity, request.region(), request.organismo(),
                round(median), round(median * quantity), distribution, points,
                marginOptimum(request.unitCost(), quantity, curve, median), new SampleSize(weighted.size(),
                        winners.size(), rounded(effective)), recency(found, asOf), confidence,
                explanation(confidence, winners.size(), weighted.size(), distribution),
                comparables(weighted));
    }

    record Weighted(QuoteObservation observation, double weight, double similarity) {
    }

    /** What every comparable bid is weighed against, normalised once per request. */
    private record Query(Set<String> tokens, String region, String organismo, int quantity, LocalDate asOf) {
    }

    private String normalisedOrNull(String text) {
        return text == null ? null : SpanishText.normalise(text);
    }

    private Weighted weigh(QuoteObservation o, Query query) {
        boolean anyText = !query.tokens().isEmpty();
        double similarity = anyText ? SpanishText.similarity(query.tokens(), memo.tokens(o.producto())) : 1;
        double weight = anyText ? 0.25 + similarity : 1;
        if (query.region() != null && query.region().equals(memo.normalised(o.region()))) {
            weight *= 2;
        }
        if (query.organismo() != null && query.organismo().equals(memo.normalised(o.organismo()))) {
            weight *= 2;
        }
        if (o.cantidad() > 0) {
            weight *= Math.exp(-Math.abs(Math.log(query.quantity() / o.cantidad())) / 2);
        }
        long age = ChronoUnit.DAYS.between(o.fechaCierre(), query.asOf());
        weight *= Math.pow(0.5, age / 180.0);
        return new Weighted(o, weight, similarity);
    }

    private static WinCurve fitCurve(List<Weighted> bids, double reference) {
        double[] x = new double[bids.size()];
        boolean[] y = new boolean[bids.size()];
        double[] w = new double[bids.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.log(bids.get(i).observation().unitPrice() / reference);
            y[i] = bids.get(i).observation().won();
            w[i] = bids.get(i).weight();
        }
        return WinCurve.fit(x, y, w);
    }

    private static MarginOptimum marginOptimum(Long unitCost, int quantity, WinCurve curve, double reference) {
        if (unitCost == null) {
            return null;
        }
        double bestPrice = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        double low = Math.max(unitCost, reference * 0.5);
        double high = Math.max(low, reference * 1.6);
        for (int i = 0; i <= 80; i++) {
            double price = low + (high - low) * i / 80;
            double value = (price - unitCost) * quantity * curve.probability(price, reference);
            if (value > bestValue) {
                bestValue = value;
                bestPrice = price;
            }
        }
        return new MarginOptimum(round(bestPrice), round(bestPrice * quantity),
                rounded(curve.probability(bestPrice, reference)), Math.round(bestValue));
    }

    private static String confidence(double effective, Distribution d, boolean few) {
        if (few) {
            return "baja";
        }
        double spread = d.p50() == 0 ? 1 : (double) (d.p75() - d.p25()) / d.p50();
        if (effective >= 30 && spread <= 0.35) {
            return "alta";
        }
        return effective >= 10 ? "media" : "baja";
    }

    private static String explanation(String confidence, int winners, int bids, Distribution d) {
        String base = String.format(java.util.Locale.ROOT, "Basado en %d cotizaciones ganadoras entre %d ofertas comparables de los últimos "
                + "dos años. El 50%% de los precios ganadores está entre $%,d y $%,d por unidad.", winners, bids,
                d.p25(), d.p75()).replace(',', '.');
        return switch (confidence) {
            case "alta" -> base + " Confianza alta: hay muchos casos parecidos y los precios son consistentes.";
            case "media" -> base + " Confianza media: úsalo como referencia y revisa los casos comparables.";
            default -> base + " Confianza baja: hay pocos casos comparables, así que el rango es amplio y el precio "
                    + "recomendado es solo orientativo.";
        };
    }

    private PriceRecommendation insufficient(PriceRequest request, List<Integer> codes, int bids) {
        return new PriceRecommendation(request.product(), codes, request.quantity(), request.region(),
                request.organismo(), null, null, null, List.of(), null, new SampleSize(bids, 0, 0),
                new Recency(null, null, null), "insuficiente",
                "No encontramos cotizaciones ganadoras comparables en los últimos dos años, así que no podemos "
                        + "recomendar un precio con datos. Prueba con otra descripción o con el código UNSPSC del producto.",
                List.of());
    }

    private static Recency recency(List<QuoteObservation> found, LocalDate asOf) {
        List<LocalDate> dates = found.stream().map(QuoteObservation::fechaCierre).sorted().toList();
        LocalDate median = dates.get(dates.size() / 2);
        return new Recency(dates.get(dates.size() - 1), dates.get(0), (int) ChronoUnit.DAYS.between(median, asOf));
    }

    private static List<ComparableCase> comparables(List<Weighted> weighted) {
        return weighted.stream().sorted(Comparator.comparingDouble(Weighted::weight).reversed()).limit(8)
                .map(w -> {
                    QuoteObservation o = w.observation();
                    return new ComparableCase(o.codigoCotizacion(), o.producto(), o.codigoProducto(), o.organismo(),
                            o.region(), o.fechaCierre(), o.cantidad(), Math.round(o.unitPrice()), o.won(), o.bidders(),
                            rounded(w.similarity()));
                }).toList();
    }

    private static long round(double value) {
        return Math.round(value);
    }

    private static double rounded(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
