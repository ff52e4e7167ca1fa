package cl.compraagil.ml.winmodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Held-out quality of a probability: ranking (AUC), accuracy of the probabilities (Brier) and calibration. */
record ModelMetrics(Double auc, Double brier, List<CalibrationBin> calibration) {

    record CalibrationBin(double fromProbability, double toProbability, int count, Double meanPredicted,
            Double observedWinRate) {
    }

    static ModelMetrics of(double[] predicted, boolean[] actual) {
        return new ModelMetrics(round(auc(predicted, actual)), round(brier(predicted, actual)),
                calibration(predicted, actual));
    }

    /** Mann–Whitney AUC with ties counted as half. */
    static double auc(double[] scores, boolean[] actual) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (actual[order[k]]) {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    static double brier(double[] predicted, boolean[] actual) {
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double error = predicted[i] - (actual[i] ? 1 : 0);
            sum += error * error;
        }
        return predicted.length == 0 ? Double.NaN : sum / predicted.length;
    }

    static List<CalibrationBin> calibration(double[] predicted, boolean[] actual) {
        List<CalibrationBin> bins = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            double from = b / 10.0;
            double to = (b + 1) / 10.0;
            int count = 0;
            double sumPredicted = 0;
            int wins = 0;
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] >= from && (predicted[i] < to || (b == 9 && predicted[i] <= 1))) {
                    count++;
                    sumPredicted += predicted[i];
                    wins += actual[i] ? 1 : 0;
                }
            }
            if (count > 0) {
                bins.add(new CalibrationBin(from, to, count, round(sumPredicted / count), round((double) wins / count)));
            }
        }
        return bins;
    }

    /** Four decimals; null for an undefined value (JSON has no NaN). */
    static Double round(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 10000) / 10000.0;
    }
}
