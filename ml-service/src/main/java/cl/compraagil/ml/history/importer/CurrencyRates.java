package cl.compraagil.ml.history.importer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Converts amounts to CLP with rates configured by the operator ({@code ML_CURRENCY_RATES=CLF=39500,USD=950}).
 * A currency without a rate is not guessed: the amount is excluded (null) and the import run counts it.
 */
public final class CurrencyRates {

    private final Map<String, BigDecimal> rates = new HashMap<>();

    public CurrencyRates(String configured) {
        rates.put("CLP", BigDecimal.ONE);
        if (configured == null) {
            return;
        }
        for (String pair : configured.split(",")) {
            String[] parts = pair.split("=");
            if (parts.length == 2 && !parts[0].isBlank()) {
                rates.put(code(parts[0]), new BigDecimal(parts[1].strip()));
            }
        }
    }

    /** @return the amount in CLP, or null when the currency has no configured rate */
    public BigDecimal toClp(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        BigDecimal rate = rates.get(code(currency == null ? "CLP" : currency));
        return rate == null ? null : amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    /** The ISO-like code of the names the files use ("Peso Chileno", "UF", "Dolar"). */
    static String code(String currency) {
        String name = currency.strip().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "", "PESO CHILENO", "PESOS", "$" -> "CLP";
            case "UF", "UNIDAD DE FOMENTO" -> "CLF";
            case "DOLAR", "DÓLAR", "DOLAR AMERICANO", "DÓLAR AMERICANO", "US$" -> "USD";
            case "EURO" -> "EUR";
            case "UNIDAD TRIBUTARIA MENSUAL" -> "UTM";
            default -> name;
        };
    }
}
