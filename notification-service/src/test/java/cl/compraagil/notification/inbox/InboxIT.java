package cl.compraagil.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.compraagil.notification.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InboxIT extends IntegrationTest {

    private Map<String, Object> registered(long userId) {
        return Map.of("user_id", userId, "email", "ana" + userId + "@pyme.cl", "full_name", "Ana Pérez",
                "company_name", "Pyme SpA", "registered_at", "2026-11-26T05:00:00Z");
    }

    private JsonNode inbox(long userId) throws Exception {
        return json(mvc.perform(get("/api/v1/notifications").header("Authorization", bearer(userId)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void userRegisteredTwiceWithSameIdLeavesExactlyOneWelcomeMessage() throws Exception {
        long userId = newUserId();
        UUID eventId = UUID.randomUUID();
        publish(eventId, "user.registered", Long.toString(userId), registered(userId));
        publish(eventId, "user.registered", Long.toString(userId), registered(userId));

        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(userId).get("items").size() == 1);
        long marker = newUserId();
        publish("user.registered", Long.toString(marker), registered(marker));
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(marker).get("items").size() == 1);

        JsonNode page = inbox(userId);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("kind").asString()).isEqualTo("welcome");
        assertThat(page.get("items").get(0).get("title").asString()).contains("Bienvenido");
        assertThat(page.get("unread_count").asLong()).isEqualTo(1);
    }

    @Test
    void anotherUsersNotificationAnswers404AndStaysUnread() throws Exception {
        long owner = newUserId();
        long stranger = newUserId();
        publish("user.registered", Long.toString(owner), registered(owner));
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(owner).get("items").size() == 1);
        long id = inbox(owner).get("items").get(0).get("id").asLong();

        mvc.perform(post("/api/v1/notifications/{id}/read", id).header("Authorization", bearer(stranger)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value("not_found"));
        assertThat(inbox(owner).get("unread_count").asLong()).isEqualTo(1);

        mvc.perform(post("/api/v1/notifications/{id}/read", id).header("Authorization", bearer(owner)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.read_at").exists());
        assertThat(inbox(owner).get("unread_count").asLong()).isZero();
    }

    @Test
    void inboxPagesNewestFirstWithCursorAndReadAll() throws Exception {
        long userId = newUserId();
        for (int i = 0; i < 3; i++) {
            publish("user.registered", Long.toString(userId), registered(userId));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(userId).get("items").size() == 1);
        jdbc.sql("INSERT INTO notifications (user_id, kind, title, body, dedup_key) VALUES (:u, 'info', 'Dos', 'b', 'd2'), (:u, 'info', 'Tres', 'b', 'd3')")
                .param("u", userId).update();

        JsonNode first = json(mvc.perform(get("/api/v1/notifications?limit=2").header("Authorization", bearer(userId)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(first.get("items").get(0).get("title").asString()).isEqualTo("Tres");
        assertThat(first.get("next_cursor").isNull()).isFalse();
        JsonNode second = json(mvc.perform(get("/api/v1/notifications?limit=2&cursor=" + first.get("next_cursor").asString())
                .header("Authorization", bearer(userId))).andReturn().getResponse().getContentAsString());
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("next_cursor").isNull()).isTrue();

        mvc.perform(post("/api/v1/notifications/read-all").header("Authorization", bearer(userId)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(3));
        assertThat(inbox(userId).get("unread_count").asLong()).isZero();
    }

    @Test
    void invalidPaginationIsRejectedWithSpanishProblem() throws Exception {
        mvc.perform(get("/api/v1/notifications?limit=500").header("Authorization", bearer(newUserId())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("validation_failed"));
        mvc.perform(get("/api/v1/notifications?cursor=abc").header("Authorization", bearer(newUserId())))
                .andExpect(status().isBadRequest());
    }
}
