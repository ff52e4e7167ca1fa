package cl.compraagil.notification.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChileTimeTest {

    @Test
    void summerInstantIsPrintedThreeHoursBehindUtc() {
        assertThat(ChileTime.at("2026-11-27T18:00:00Z")).isEqualTo("el 27-11-2026 a las 15:00 (hora de Chile)");
    }

    @Test
    void winterInstantIsPrintedFourHoursBehindUtc() {
        assertThat(ChileTime.at("2026-07-15T19:00:00Z")).isEqualTo("el 15-07-2026 a las 15:00 (hora de Chile)");
    }

    @Test
    void lateUtcEveningIsTheChileanDayBefore() {
        assertThat(ChileTime.at("2026-12-03T00:00:00Z")).isEqualTo("el 02-12-2026 a las 21:00 (hora de Chile)");
    }

    @Test
    void instantWithAnOffsetIsReadAsTheSameMoment() {
        assertThat(ChileTime.at("2026-11-27T15:00:00-03:00")).isEqualTo("el 27-11-2026 a las 15:00 (hora de Chile)");
    }

    @Test
    void unreadableInstantIsShownAsItCame() {
        assertThat(ChileTime.at("2026-11-27T15:00")).isEqualTo("el 2026-11-27 15:00");
    }
}
