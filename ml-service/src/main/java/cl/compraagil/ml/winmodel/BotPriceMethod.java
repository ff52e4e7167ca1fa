package cl.compraagil.ml.winmodel;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The seed bot's "precio óptimo", reproduced as the baseline: winners only, fuzzy name match (pg_trgm
 * {@code %}, threshold 0.3) over the last two years, unit price = bidder total ÷ quantity (even when the
 * cotización had several products), mean ± 3σ trimmed, 42nd percentile.
 */
@Component
class BotPriceMethod {

    private final JdbcClient jdbc;

    BotPriceMethod(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OptionalDouble unitPrice(String product, LocalDate before) {
        List<Double> prices = jdbc.sql("""
                SELECT monto_total::float8 / cantidad FROM cot_quotes
                WHERE seleccionado AND monto_total > 0 AND cantidad > 0
                  AND fecha_cierre >= :since AND fecha_cierre < :before AND producto % :q
                ORDER BY similarity(producto, :q) DESC, fecha_cierre DESC LIMIT 500
                """)
                .param("q", product).param("since", before.minusYears(2)).param("before", before)
                .query(Double.class).list();
        return percentile42(prices.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static OptionalDouble percentile42(double[] values) {
        if (values.length == 0) {
            return OptionalDouble.empty();
        }
        double mean = Arrays.stream(values).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length);
        double[] kept = Arrays.stream(values).filter(v -> sd == 0 || Math.abs(v - mean) <= 3 * sd).sorted().toArray();
        double position = 0.42 * (kept.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, kept.length - 1);
        return OptionalDouble.of(kept[lower] + (kept[upper] - kept[lower]) * (position - lower));
    }
}
