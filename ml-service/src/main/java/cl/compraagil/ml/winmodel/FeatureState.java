package cl.compraagil.ml.winmodel;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The history as it was known on a given day, replayed in date order for training: recent winning prices
 * per product code and each supplier's bids and wins. Updates of a day apply only when the next day
 * starts, so no bid sees its own outcome or that of its rivals.
 */
final class FeatureState {

    static final int REFERENCE_WINDOW = 200;
    static final int MIN_REFERENCE = 5;

    private final Map<Integer, Deque<Double>> winners = new HashMap<>();
    private final Map<String, int[]> suppliers = new HashMap<>();
    private final List<TrainingBid> pending = new ArrayList<>();
    private LocalDate day;

    /** Applies the finished days before {@code date}. */
    void advanceTo(LocalDate date) {
        if (day != null && !date.equals(day)) {
            for (TrainingBid bid : pending) {
                if (bid.won()) {
                    Deque<Double> prices = winners.computeIfAbsent(bid.productCode(), c -> new ArrayDeque<>());
                    prices.addLast(bid.unitPrice());
                    if (prices.size() > REFERENCE_WINDOW) {
                        prices.removeFirst();
                    }
                }
                if (bid.rut() != null) {
                    int[] record = suppliers.computeIfAbsent(bid.rut(), r -> new int[2]);
                    record[0]++;
                    record[1] += bid.won() ? 1 : 0;
                }
            }
            pending.clear();
        }
        day = date;
    }

    void record(TrainingBid bid) {
        pending.add(bid);
    }

    /** Median of the recent winning unit prices of the code, or NaN with too few. */
    double reference(int productCode) {
        Deque<Double> prices = winners.get(productCode);
        if (prices == null || prices.size() < MIN_REFERENCE) {
            return Double.NaN;
        }
        double[] sorted = prices.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    int[] supplier(String rut) {
        int[] record = rut == null ? null : suppliers.get(rut);
        return record == null ? new int[2] : Arrays.copyOf(record, 2);
    }
}
