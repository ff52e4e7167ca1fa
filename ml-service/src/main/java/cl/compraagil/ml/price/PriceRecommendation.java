package cl.compraagil.ml.price;

import java.time.LocalDate;
import java.util.List;

/** The answer of the price recommender, with its uncertainty and the cases it relied on. */
public record PriceRecommendation(
        String product,
        List<Integer> unspscCodes,
        int quantity,
        String region,
        String organismo,
        Long recommendedUnitPrice,
        Long recommendedTotalPrice,
        Distribution winningPriceDistribution,
        List<CurvePoint> winProbabilityCurve,
        MarginOptimum marginMaximising,
        SampleSize sampleSize,
        Recency recency,
        String confidence,
        String explanation,
        List<ComparableCase> comparables) {

    /** Winning unit prices (CLP) of the comparables: p10 … p90. */
    public record Distribution(long p10, long p25, long p50, long p75, long p90) {
    }

    public record CurvePoint(long unitPrice, long totalPrice, double probability) {
    }

    public record MarginOptimum(long unitPrice, long totalPrice, double winProbability, long expectedMargin) {
    }

    public record SampleSize(int comparableBids, int winningBids, double effectiveWinning) {
    }

    public record Recency(LocalDate newest, LocalDate oldest, Integer medianAgeDays) {
    }

    public record ComparableCase(String codigoCotizacion, String producto, int unspscCode, String organismo,
            String region, LocalDate fechaCierre, double cantidad, long unitPrice, boolean won, int bidders,
            double similarity) {
    }
}
