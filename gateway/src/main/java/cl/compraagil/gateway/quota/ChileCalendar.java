package cl.compraagil.gateway.quota;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Daily quotas follow the users' calendar day in Chile, not UTC. The current day and its end are worked out
 * once per day, not per request: time-zone rules are only consulted when the clock leaves the known day.
 */
final class ChileCalendar {

    private record Day(LocalDate date, long startsAtMillis, long endsAtMillis) {
        boolean contains(long millis) {
            return millis >= startsAtMillis && millis < endsAtMillis;
        }
    }

    private final ZoneId zone;
    private final Clock clock;
    private volatile Day current;

    ChileCalendar(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
        this.current = dayOf(clock.millis());
    }

    LocalDate today() {
        return day(clock.millis()).date();
    }

    /** Seconds until the next local midnight, when every daily counter starts again. */
    long secondsToNextDay() {
        long now = clock.millis();
        return Math.max(1, (day(now).endsAtMillis() - now) / 1000);
    }

    private Day day(long now) {
        Day known = current;
        if (known.contains(now)) {
            return known;
        }
        Day day = dayOf(now);
        current = day;
        return day;
    }

    private Day dayOf(long millis) {
        LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(millis), zone);
        return new Day(date, date.atStartOfDay(zone).toInstant().toEpochMilli(),
                date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
    }
}
