package cl.compraagil.ml.winmodel;

import cl.compraagil.ml.text.SpanishText;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * What the win model sees of one bid: its price against the recent winning prices of the product, the
 * competition, the supplier's track record, the time to close, the region and the product family.
 */
record WinFeatures(double priceRatio, int bidders, int supplierBids, int supplierWins, int daysToClose,
        String region, int productCode) {

    static final Label WIN = new Label("win");
    static final Label LOSS = new Label("loss");

    double supplierWinRate() {
        return (supplierWins + 1.0) / (supplierBids + 4.0);
    }

    Example<Label> example(Label label) {
        List<String> names = new ArrayList<>(8);
        List<Double> values = new ArrayList<>(8);
        add(names, values, "log_price_ratio", Math.log(Math.max(priceRatio, 1e-3)) * 4);
        add(names, values, "log_bidders", Math.log(Math.max(bidders, 1)));
        add(names, values, "supplier_win_rate", supplierWinRate() * 2);
        add(names, values, "supplier_experience", Math.log1p(supplierBids) / 3);
        add(names, values, "days_to_close", Math.min(Math.max(daysToClose, 0), 30) / 10.0);
        if (region != null) {
            add(names, values, "region=" + SpanishText.normalise(region), 1);
        }
        add(names, values, "family=" + productCode / 10000, 1);
        return new ArrayExample<>(label, names.toArray(String[]::new), values.stream().mapToDouble(d -> d).toArray());
    }

    private static void add(List<String> names, List<Double> values, String name, double value) {
        names.add(name);
        values.add(value);
    }
}
