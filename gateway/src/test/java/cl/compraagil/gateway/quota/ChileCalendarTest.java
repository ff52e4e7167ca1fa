package cl.compraagil.gateway.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ChileCalendarTest {

    private static final ZoneId CHILE = ZoneId.of("America/Santiago");

    @Test
    void theDayTurnsAtMidnightInChileNotInUtc() {
        // 02:59 UTC on 27 November is still 26 November in Chile (UTC-3 in summer)
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T02:59:30Z"));
        ChileCalendar calendar = new ChileCalendar(CHILE, clock(now));
        assertThat(calendar.today()).isEqualTo(LocalDate.parse("2026-11-26"));
        assertThat(calendar.secondsToNextDay()).isEqualTo(30);

        now.set(Instant.parse("2026-11-27T03:00:00Z"));
        assertThat(calendar.today()).isEqualTo(LocalDate.parse("2026-11-27"));
        assertThat(calendar.secondsToNextDay()).isEqualTo(86_400);
    }

    @Test
    void aClockThatGoesBackFindsThePreviousDayAgain() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T12:00:00Z"));
        ChileCalendar calendar = new ChileCalendar(CHILE, clock(now));
        assertThat(calendar.today()).isEqualTo(LocalDate.parse("2026-11-27"));
        now.set(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(calendar.today()).isEqualTo(LocalDate.parse("2026-11-26"));
    }

    @Test
    void theDayTheClocksChangeIsTwentyThreeHoursLong() {
        // Chile moved to summer time on 6 September 2026 at 00:00 local (→ 01:00)
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-09-06T04:00:00Z"));
        ChileCalendar calendar = new ChileCalendar(CHILE, clock(now));
        assertThat(calendar.today()).isEqualTo(LocalDate.parse("2026-09-06"));
        assertThat(calendar.secondsToNextDay()).isEqualTo(23 * 3600);
    }

    private static Clock clock(AtomicReference<Instant> now) {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public long millis() {
                return now.get().toEpochMilli();
            }
        };
    }
}
