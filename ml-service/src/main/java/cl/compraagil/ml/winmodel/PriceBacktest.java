package cl.compraagil.ml.winmodel;

import cl.compraagil.ml.price.PriceRecommendation;
import cl.compraagil.ml.price.PriceRecommender;
import cl.compraagil.ml.price.PriceRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Replays held-out winning quotes: each method sees only history closed before the quote, and its
 * recommended unit price is compared with the price that actually won (absolute percentage error).
 */
@Component
class PriceBacktest {

    private final JdbcClient jdbc;
    private final PriceRecommender recommender;
    private final BotPriceMethod bot;

    PriceBacktest(JdbcClient jdbc, PriceRecommender recommender, BotPriceMethod bot) {
        this.jdbc = jdbc;
        this.recommender = recommender;
        this.bot = bot;
    }

    private record Case(String producto, int quantity, double actual, LocalDate closed, String region, String organismo) {
    }

    Map<String, Object> run(LocalDate from, LocalDate to, int cases) {
        List<Case> held = jdbc.sql("""
                SELECT producto, cantidad, unit_price, fecha_cierre, region, organismo FROM cot_quotes
                WHERE seleccionado AND unit_price IS NOT NULL AND producto IS NOT NULL
                  AND fecha_cierre >= :from AND fecha_cierre < :to
                ORDER BY md5(codigo_cotizacion) LIMIT :n
                """)
                .param("from", from).param("to", to).param("n", cases)
                .query((rs, n) -> new Case(rs.getString(1), Math.max(1, (int) Math.round(rs.getDouble(2))),
                        rs.getDouble(3), rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6)))
                .list();
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        int answeredByBot = 0;
        int answeredByUs = 0;
        for (Case c : held) {
            PriceRecommendation recommendation = recommender.recommend(
                    new PriceRequest(c.producto(), null, c.quantity(), c.region(), c.organismo(), null), c.closed());
            OptionalDouble botPrice = bot.unitPrice(c.producto(), c.closed());
            answeredByUs += recommendation.recommendedUnitPrice() != null ? 1 : 0;
            answeredByBot += botPrice.isPresent() ? 1 : 0;
            if (recommendation.recommendedUnitPrice() != null && botPrice.isPresent()) {
                ours.add(Math.abs(recommendation.recommendedUnitPrice() - c.actual()) / c.actual());
                theirs.add(Math.abs(botPrice.getAsDouble() - c.actual()) / c.actual());
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("held_out_cases", held.size());
        result.put("compared_cases", ours.size());
        result.put("answered_by_recommender", answeredByUs);
        result.put("answered_by_bot_method", answeredByBot);
        double oursMean = mean(ours);
        double botMean = mean(theirs);
        result.put("recommender", errors(oursMean, median(ours)));
        result.put("bot_method", errors(botMean, median(theirs)));
        result.put("mape_reduction", ours.isEmpty() ? null : ModelMetrics.round(1 - oursMean / botMean));
        return result;
    }

    private static Map<String, Object> errors(double mape, double medianApe) {
        Map<String, Object> errors = new LinkedHashMap<>();
        errors.put("mape", ModelMetrics.round(mape));
        errors.put("median_ape", ModelMetrics.round(medianApe));
        return errors;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
