package cl.compraagil.ml.price;

import java.util.Arrays;
import java.util.Comparator;

/** Quantiles of values that carry weights (similarity, region, recency), by the weighted empirical CDF. */
final class WeightedQuantiles {

    private final double[] values;
    private final double[] cumulative;
    private final double total;

    WeightedQuantiles(double[] values, double[] weights) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        this.values = new double[values.length];
        this.cumulative = new double[values.length];
        double sum = 0;
        for (int i = 0; i < order.length; i++) {
            this.values[i] = values[order[i]];
            sum += weights[order[i]];
            this.cumulative[i] = sum;
        }
        this.total = sum;
    }

    double quantile(double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double target = q * total;
        for (int i = 0; i < values.length; i++) {
            if (cumulative[i] >= target) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** Kish's effective sample size: how many equally weighted observations these are worth. */
    static double effectiveSize(double[] weights) {
        double sum = 0;
        double squares = 0;
        for (double w : weights) {
            sum += w;
            squares += w * w;
        }
        return squares == 0 ? 0 : sum * sum / squares;
    }
}
