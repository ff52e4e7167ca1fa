package cl.compraagil.subscription.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cl.compraagil.subscription.ServiceIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class UsageTrackingTest extends ServiceIntegrationTest {

    @Test
    void usageEventsAreCountedOncePerEventIdWithTheirCountAndShownAgainstTheDailyLimit() {
        long userId = registeredUser();
        LocalDate today = LocalDate.now(ZoneId.of("America/Santiago"));
        UUID repeated = UUID.randomUUID();
        record(userId, "ai_analysis", today, repeated);
        record(userId, "ai_analysis", today, repeated);
        record(userId, "searches", today, UUID.randomUUID());
        record(userId, "searches", today.minusDays(40), UUID.randomUUID());
        // a sum of five requests, then two events no gateway sends: nothing is counted for them
        record(userId, "searches", today, UUID.randomUUID(), 5);
        record(userId, "searches", today, UUID.randomUUID(), 0);
        record(userId, "searches", today, UUID.randomUUID(), -3);
        UUID last = UUID.randomUUID();
        record(userId, "searches", today, last);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM processed_events WHERE event_id = :id").param("id", last).query(Long.class).single() == 1);

        JsonNode usage = json(get("/api/v1/usage", userToken(userId)));
        assertThat(usage.path("plan").asString()).isEqualTo("free");
        assertThat(usage.path("day").asString()).isEqualTo(today.toString());
        JsonNode ai = resource(usage, "ai_analysis");
        assertThat(ai.path("used_today").asInt()).isEqualTo(1);
        assertThat(ai.path("daily_limit").asInt()).isEqualTo(2);
        assertThat(ai.path("remaining_today").asInt()).isEqualTo(1);
        assertThat(ai.path("used_this_month").asInt()).isEqualTo(1);
        JsonNode searches = resource(usage, "searches");
        assertThat(searches.path("used_today").asInt()).isEqualTo(7);
        assertThat(searches.path("remaining_today").asInt()).isEqualTo(43);
        assertThat(searches.path("used_this_month").asInt()).isEqualTo(7);
        assertThat(jdbc.sql("SELECT sum(count) FROM usage_tracking WHERE user_id = :u AND resource_type = 'searches'")
                .param("u", userId).query(Long.class).single()).isEqualTo(8);
    }

    @Test
    void anotherUsersUsageIsNeverShown() {
        long owner = registeredUser();
        long other = registeredUser();
        UUID id = UUID.randomUUID();
        record(owner, "ai_analysis", LocalDate.now(ZoneId.of("America/Santiago")), id);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM processed_events WHERE event_id = :id").param("id", id).query(Long.class).single() == 1);
        assertThat(resource(json(get("/api/v1/usage", userToken(other))), "ai_analysis").path("used_today").asInt()).isZero();
    }

    /** An event as gateways before the per-drain sums sent it: one request, no {@code count}. */
    private void record(long userId, String resource, LocalDate day, UUID eventId) {
        publish("usage.recorded", Long.toString(userId), eventId, """
                {"user_id": %d, "resource": "%s", "day": "%s", "request_id": "%s"}"""
                .formatted(userId, resource, day, UUID.randomUUID()));
    }

    private void record(long userId, String resource, LocalDate day, UUID eventId, int count) {
        publish("usage.recorded", Long.toString(userId), eventId, """
                {"user_id": %d, "resource": "%s", "day": "%s", "count": %d}"""
                .formatted(userId, resource, day, count));
    }

    private static JsonNode resource(JsonNode usage, String name) {
        for (JsonNode row : usage.path("resources")) {
            if (row.path("resource").asString().equals(name)) {
                return row;
            }
        }
        throw new AssertionError("no usage row for " + name);
    }
}
