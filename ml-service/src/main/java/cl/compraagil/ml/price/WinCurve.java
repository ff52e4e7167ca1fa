package cl.compraagil.ml.price;

/**
 * Probability of winning as a function of price, {@code σ(a + b·ln(price/reference))}, fitted by weighted
 * logistic regression (Newton's method, light ridge) on the comparable bids, winners and losers alike.
 */
final class WinCurve {

    private final double intercept;
    private final double slope;

    private WinCurve(double intercept, double slope) {
        this.intercept = intercept;
        this.slope = slope;
    }

    static WinCurve fit(double[] logRatios, boolean[] won, double[] weights) {
        double a = 0;
        double b = -1;
        for (int iteration = 0; iteration < 25; iteration++) {
            double ga = -0.01 * a;
            double gb = -0.01 * b;
            double haa = 0.01;
            double hab = 0;
            double hbb = 0.01;
            for (int i = 0; i < logRatios.length; i++) {
                double p = sigmoid(a + b * logRatios[i]);
                double residual = (won[i] ? 1 : 0) - p;
                double w = weights[i];
                double curvature = w * p * (1 - p);
                ga += w * residual;
                gb += w * residual * logRatios[i];
                haa += curvature;
                hab += curvature * logRatios[i];
                hbb += curvature * logRatios[i] * logRatios[i];
            }
            double determinant = haa * hbb - hab * hab;
            if (Math.abs(determinant) < 1e-12) {
                break;
            }
            double da = (hbb * ga - hab * gb) / determinant;
            double db = (haa * gb - hab * ga) / determinant;
            a += da;
            b += db;
            if (Math.abs(da) + Math.abs(db) < 1e-7) {
                break;
            }
        }
        // a higher price never raises the chance of winning: an upward slope is noise of a small sample
        return new WinCurve(a, Math.min(b, 0));
    }

    double probability(double price, double reference) {
        return sigmoid(intercept + slope * Math.log(price / reference));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
