package cl.compraagil.ml.history.parse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads the values of the open-data files as published: {@code NA}, blanks and the {@code 1900-01-01}
 * sentinel are nulls, decimals use a comma, booleans come as si/no, Si/No or Seleccionada/No Seleccionada.
 */
public final class FieldValues {

    private static final LocalDate SENTINEL = LocalDate.of(1900, 1, 1);

    private FieldValues() {
    }

    public static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        return value.isEmpty() || value.equals("NA") ? null : value;
    }

    public static BigDecimal decimal(String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        String normalised = value.indexOf(',') >= 0 ? value.replace(".", "").replace(',', '.') : value;
        try {
            return new BigDecimal(normalised);
        } catch (NumberFormatException e) {
            throw new RejectedValue("número inválido '" + value + "'");
        }
    }

    public static Long integer(String raw) {
        BigDecimal value = decimal(raw);
        return value == null ? null : value.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    public static LocalDate date(String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
            return date.equals(SENTINEL) ? null : date;
        } catch (DateTimeParseException e) {
            throw new RejectedValue("fecha inválida '" + value + "'");
        }
    }

    public static Boolean flag(String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "si", "sí", "1", "true", "seleccionada", "seleccionado" -> Boolean.TRUE;
            case "no", "0", "false", "no seleccionada", "no seleccionado" -> Boolean.FALSE;
            default -> throw new RejectedValue("valor sí/no inválido '" + value + "'");
        };
    }

    /** RUTs as {@code 12.345.678-K}: upper-case check digit so one supplier is one key. */
    public static String rut(String raw) {
        String value = text(raw);
        return value == null ? null : value.toUpperCase(java.util.Locale.ROOT);
    }

    /** A value the row cannot be loaded with; the reason is reported with the line number. */
    public static final class RejectedValue extends RuntimeException {
        public RejectedValue(String reason) {
            super(reason, null, false, false);
        }
    }
}
