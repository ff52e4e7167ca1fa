package cl.compraagil.notification.outbound;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How every message prints an instant from an event: events carry UTC instants, users read Chile's wall clock
 * (America/Santiago, UTC-3 in summer and UTC-4 in winter), so a time is never shown as UTC with the zone cut off.
 */
public final class ChileTime {

    private static final ZoneId CHILE = ZoneId.of("America/Santiago");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private ChileTime() {
    }

    /** "el 28-11-2026 a las 12:00 (hora de Chile)"; an unreadable instant is shown as it came, without the 'T'. */
    public static String at(String instant) {
        try {
            ZonedDateTime local = local(instant);
            return "el " + DAY.format(local) + " a las " + HOUR.format(local) + " (hora de Chile)";
        } catch (DateTimeParseException e) {
            return "el " + instant.replace('T', ' ');
        }
    }

    private static ZonedDateTime local(String instant) {
        return OffsetDateTime.parse(instant).atZoneSameInstant(CHILE);
    }
}
