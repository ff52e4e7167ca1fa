package cl.compraagil.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryOutcomesTest {

    private final DeliveryOutcomes outcomes = new DeliveryOutcomes(null, null, null, new WebhookProperties(List.of(),
            List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)), 0.2, false, Duration.ofSeconds(1), 10, 1,
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofDays(5), Duration.ofHours(24), 10,
            "http://localhost/precios"));

    @Test
    void retriesSpreadWithinTwentyPercentJitterAroundTheSchedule() {
        List<Long> delays = java.util.stream.IntStream.range(0, 500)
                .mapToObj(i -> outcomes.nextDelay(Duration.ofMinutes(5), null).toMillis()).toList();
        assertThat(delays).allMatch(ms -> ms >= 240_000 && ms <= 360_000);
        assertThat(delays.stream().distinct().count()).isGreaterThan(100); // not one fixed value: receivers are not stampeded
        assertThat(delays.stream().mapToLong(Long::longValue).min().getAsLong()).isLessThan(270_000);
        assertThat(delays.stream().mapToLong(Long::longValue).max().getAsLong()).isGreaterThan(330_000);
    }

    @Test
    void retryAfterLongerThanTheScheduleIsHonouredAndShorterOneIsNot() {
        assertThat(outcomes.nextDelay(Duration.ofSeconds(5), Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(10));
        assertThat(outcomes.nextDelay(Duration.ofMinutes(5), Duration.ofSeconds(1))).isGreaterThanOrEqualTo(Duration.ofMinutes(4));
    }
}
