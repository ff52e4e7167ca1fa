package cl.compraagil.gateway.quota;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Daily quotas follow the users' calendar day in Chile, not UTC. */
final class ChileCalendar {

    private final ZoneId zone;
    private final Clock clock;

    ChileCalendar(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Seconds until the next local midnight, when every daily counter starts again. */
    long secondsToNextDay() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        ZonedDateTime midnight = now.toLocalDate().plusDays(1).atStartOfDay(zone);
        return Math.max(1, Duration.between(now, midnight).toSeconds());
    }
}
