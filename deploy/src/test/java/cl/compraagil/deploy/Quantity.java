package cl.compraagil.deploy;

import java.math.BigDecimal;
import java.util.Map;

/** Kubernetes resource quantities ("500m", "2", "768Mi", "2Gi") as numbers, to compare overlays. */
final class Quantity {

    private static final Map<String, BigDecimal> SUFFIXES = Map.of(
            "m", new BigDecimal("0.001"),
            "Ki", BigDecimal.valueOf(1L << 10),
            "Mi", BigDecimal.valueOf(1L << 20),
            "Gi", BigDecimal.valueOf(1L << 30),
            "Ti", BigDecimal.valueOf(1L << 40));

    private Quantity() {
    }

    static BigDecimal parse(String quantity) {
        for (Map.Entry<String, BigDecimal> suffix : SUFFIXES.entrySet()) {
            if (quantity.endsWith(suffix.getKey())) {
                String number = quantity.substring(0, quantity.length() - suffix.getKey().length());
                return new BigDecimal(number).multiply(suffix.getValue());
            }
        }
        return new BigDecimal(quantity);
    }
}
