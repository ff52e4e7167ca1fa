package cl.compraagil.licitacion.mercadopublico;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Mercado Público writes Chile wall-clock times, with or without a trailing {@code Z} and in several shapes
 * ({@code 2026-06-22 13:55}, {@code 2026-06-22T13:55:00.630Z}, {@code 2014-01-20T09:52:56.653}); all are
 * read as {@code America/Santiago}, never as UTC.
 */
public final class ChileTime {

    public static final ZoneId ZONE = ZoneId.of("America/Santiago");

    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter();

    private ChileTime() {
    }

    /** @return the instant, or null for null, blank, unparseable and the {@code 1900-01-01} sentinel */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.endsWith("Z") || value.endsWith("z")) {
            value = value.substring(0, value.length() - 1);
        }
        int offset = value.indexOf('+', 10);
        if (offset > 0) {
            value = value.substring(0, offset);
        }
        try {
            LocalDateTime local = value.length() == 10
                    ? java.time.LocalDate.parse(value).atStartOfDay()
                    : LocalDateTime.parse(value, LENIENT);
            if (local.getYear() <= 1900) {
                return null;
            }
            return local.atZone(ZONE).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The wall-clock text Mercado Público expects in its change-window filters. */
    public static String format(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }
}
