package cl.compraagil.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

class FreeSubscriptionOnRegistrationTest extends ServiceIntegrationTest {

    @Test
    void userRegisteredDeliveredTwiceCreatesExactlyOneFreeSubscription() throws Exception {
        long userId = newUserId();
        UUID eventId = UUID.randomUUID();
        String data = """
                {"user_id": %d, "email": "ana@pyme.cl", "full_name": "Ana Pérez", "company_name": "Pyme SpA",
                 "registered_at": "2026-11-26T05:00:00Z"}""".formatted(userId);
        publish("user.registered", Long.toString(userId), eventId, data);
        publish("user.registered", Long.toString(userId), eventId, data);

        await().atMost(Duration.ofSeconds(30)).until(() -> subscriptionCount(userId) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> processed(eventId));
        Thread.sleep(500);
        assertThat(subscriptionCount(userId)).isEqualTo(1);
        assertThat(outboxEvents("subscription.changed", userId)).hasSize(1);

        ResponseEntity<String> current = get("/api/v1/subscriptions/current", userToken(userId));
        assertThat(current.getStatusCode().value()).isEqualTo(200);
        JsonNode body = json(current);
        assertThat(body.path("plan").asString()).isEqualTo("free");
        assertThat(body.path("display_name").asString()).isEqualTo("Gratis");
        assertThat(body.path("status").asString()).isEqualTo("active");
        assertThat(body.path("limits").path("ai_analysis").asInt()).isEqualTo(2);
    }

    @Test
    void freeSubscriptionAnnouncesItsEntitlementsInTheContractShape() {
        long userId = registeredUser();
        JsonNode changed = outboxEvents("subscription.changed", userId).get(0);
        assertThat(changed.path("user_id").asLong()).isEqualTo(userId);
        assertThat(changed.path("plan").asString()).isEqualTo("free");
        assertThat(changed.path("status").asString()).isEqualTo("active");
        assertThat(changed.path("limits").path("searches").asInt()).isEqualTo(50);
        assertThat(changed.path("limits").path("organization_seats").asInt()).isEqualTo(1);
        assertThat(changed.path("features").path("web_dashboard").asBoolean()).isFalse();
        assertThat(changed.has("current_period_end")).isTrue();
        assertThat(changed.path("changed_at").asString()).isNotBlank();
    }

    @Test
    void entitlementsOfTheCallerMatchTheirPlan() {
        long userId = registeredUser();
        JsonNode entitlements = json(get("/api/v1/subscriptions/entitlements", userToken(userId)));
        assertThat(entitlements.path("user_id").asLong()).isEqualTo(userId);
        assertThat(entitlements.path("plan").asString()).isEqualTo("free");
        assertThat(entitlements.path("limits").path("api_calls").asInt()).isZero();
    }

    @Test
    void userWithoutSubscriptionYetGetsNotFoundForCurrentAndFreeEntitlements() {
        long userId = newUserId();
        ResponseEntity<String> current = get("/api/v1/subscriptions/current", userToken(userId));
        assertThat(current.getStatusCode().value()).isEqualTo(404);
        assertThat(json(current).path("error").asString()).isEqualTo("not_found");
        assertThat(json(get("/api/v1/subscriptions/entitlements", userToken(userId))).path("plan").asString()).isEqualTo("free");
    }

    @Test
    void deletedUserLosesSubscriptionAndUsage() {
        long userId = registeredUser();
        publish("user.deleted", Long.toString(userId), UUID.randomUUID(), "{\"user_id\": %d}".formatted(userId));
        await().atMost(Duration.ofSeconds(30)).until(() -> subscriptionCount(userId) == 0);
    }

    @Test
    void unreadableEventIsSkippedWithoutBlockingTheNextRegistration() {
        kafka.send("user.registered", "x", "this is not an event").join();
        kafka.send("user.registered", "x", "{\"type\": \"user.registered\", \"data\": {}}").join();
        long userId = registeredUser();
        assertThat(planOf(userId)).isEqualTo("free");
    }

    private boolean processed(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = :id").param("id", eventId)
                .query(Long.class).single() == 1;
    }
}
