package cl.compraagil.notification.alert;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours a user does not want to be disturbed, in their own time zone (21:00–08:00 in Chile by default).
 * Push-like channels wait until the quiet period ends; the inbox and webhooks never wait.
 */
record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    boolean enabled() {
        return start != null && end != null && !start.equals(end);
    }

    /** The first instant at or after {@code now} outside the quiet period. */
    Instant nextAllowed(Instant now) {
        if (!enabled()) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = start.isAfter(end);
        boolean quiet = overnight ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return now;
        }
        ZonedDateTime endToday = local.with(end).withSecond(0).withNano(0);
        return (endToday.isAfter(local) ? endToday : endToday.plusDays(1)).toInstant();
    }

    /** When a daily digest goes out: the end of the quiet hours, or 08:00 local time without them. */
    Instant nextDigest(Instant now) {
        LocalTime at = enabled() ? end : LocalTime.of(8, 0);
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime today = local.with(at).withSecond(0).withNano(0);
        return (today.isAfter(local) ? today : today.plusDays(1)).toInstant();
    }

    /** The start of the user's current day, for the daily cap. */
    Instant startOfDay(Instant now) {
        return now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }
}
