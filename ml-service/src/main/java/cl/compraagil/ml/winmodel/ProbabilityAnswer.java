package cl.compraagil.ml.winmodel;

import java.util.List;

/** The estimated chance of winning and the main reasons behind it. */
record ProbabilityAnswer(
        double probability,
        String modelVersion,
        int unspscCode,
        long referenceUnitPrice,
        double priceRatio,
        int bidders,
        SupplierRecord supplier,
        List<String> reasons) {

    record SupplierRecord(int bids, int wins, double winRate) {
    }
}
