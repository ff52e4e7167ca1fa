package cl.compraagil.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
    private final QuietHours quiet = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), SANTIAGO);

    private static Instant santiago(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SANTIAGO).toInstant();
    }

    @Test
    void duringTheDayMessagesGoOutImmediately() {
        Instant noon = santiago("2026-11-26T12:00:00");
        assertThat(quiet.nextAllowed(noon)).isEqualTo(noon);
    }

    @Test
    void lateAtNightMessagesWaitUntilEightInTheMorningChileTime() {
        assertThat(quiet.nextAllowed(santiago("2026-11-26T22:30:00"))).isEqualTo(santiago("2026-11-27T08:00:00"));
        assertThat(quiet.nextAllowed(santiago("2026-11-27T03:10:00"))).isEqualTo(santiago("2026-11-27T08:00:00"));
    }

    @Test
    void digestsGoOutAtTheEndOfTheQuietHours() {
        assertThat(quiet.nextDigest(santiago("2026-11-26T12:00:00"))).isEqualTo(santiago("2026-11-27T08:00:00"));
        assertThat(quiet.nextDigest(santiago("2026-11-26T07:00:00"))).isEqualTo(santiago("2026-11-26T08:00:00"));
    }

    @Test
    void disabledQuietHoursNeverDelay() {
        QuietHours none = new QuietHours(null, null, SANTIAGO);
        Instant night = santiago("2026-11-26T23:00:00");
        assertThat(none.nextAllowed(night)).isEqualTo(night);
    }
}
