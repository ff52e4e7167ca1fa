package cl.compraagil.subscription.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Daily quotas follow Chile's calendar day, as the gateway counts them. */
final class ChileCalendar {

    static final ZoneId ZONE = ZoneId.of("America/Santiago");

    private ChileCalendar() {
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
