package cl.compraagil.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.compraagil.notification.IntegrationTest;
import cl.compraagil.notification.WebhookReceiver;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

class WebhookEndpointsIT extends IntegrationTest {

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    private ResultActions register(long userId, String url) throws Exception {
        return mvc.perform(post("/api/v1/webhook-endpoints").header("Authorization", bearer(userId))
                .contentType(MediaType.APPLICATION_JSON).content("{\"url\": \"" + url + "\", \"events\": [\"saved_licitacion.alert\"]}"));
    }

    private long customer() {
        long userId = newUserId();
        registerUser(userId);
        grantPlan(userId, "profesional", null, true);
        return userId;
    }

    private long endpointFor(long userId) throws Exception {
        JsonNode created = json(register(userId, receiver.url()).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        receiver.secret(created.get("secret").asString());
        return created.get("id").asLong();
    }

    private void savedAlert(long userId, String codigo) {
        publish("saved_licitacion.alert", Long.toString(userId), Map.of("user_id", userId, "codigo", codigo,
                "nombre", "Servicio de aseo", "reason", "estado_changed", "estado", "cerrada", "fecha_cierre", "2026-11-28T15:00:00Z"));
    }

    private JsonNode deliveries(long userId, long endpointId) throws Exception {
        return json(mvc.perform(get("/api/v1/webhook-endpoints/{id}/deliveries", endpointId).header("Authorization", bearer(userId)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void secretIsShownOnlyOnCreation() throws Exception {
        long userId = customer();
        register(userId, receiver.url()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret").value(org.hamcrest.Matchers.startsWith("whsec_")));
        String listed = mvc.perform(get("/api/v1/webhook-endpoints").header("Authorization", bearer(userId)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].url").value(receiver.url()))
                .andReturn().getResponse().getContentAsString();
        assertThat(listed).doesNotContain("whsec_").doesNotContain("secret");
    }

    @Autowired SecretCipher cipher;
    @Autowired EncryptWebhookSecretsMigration migration;
    @Autowired DataSource dataSource;

    @Test
    void signingSecretIsStoredEncryptedAndStillSignsDeliveries() throws Exception {
        long userId = customer();
        long endpointId = endpointFor(userId);
        String stored = jdbc.sql("SELECT secret FROM webhook_endpoints WHERE id = " + endpointId).query(String.class).single();
        assertThat(stored).startsWith("v1:dev:").doesNotContain("whsec_");
        savedAlert(userId, "1509-9-L114");
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 1);
        assertThat(receiver.received().get(0).signatureValid()).isTrue();
    }

    @Test
    void migrationEncryptsSecretsStoredInPlainTextBeforeIt() throws Exception {
        String plain = WebhookSigner.newSecret();
        String previous = WebhookSigner.newSecret();
        long id = jdbc.sql("""
                INSERT INTO webhook_endpoints (user_id, url, events, secret, previous_secret) VALUES (:user, 'https://8.8.8.8/h', '[]', :s, :p)
                RETURNING id""").param("user", newUserId()).param("s", plain).param("p", previous).query(Long.class).single();
        try (Connection connection = dataSource.getConnection()) {
            migration.migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }
        Map<String, Object> row = jdbc.sql("SELECT secret, previous_secret FROM webhook_endpoints WHERE id = " + id).query().singleRow();
        assertThat((String) row.get("secret")).startsWith("v1:dev:");
        assertThat(cipher.decrypt((String) row.get("secret"))).isEqualTo(plain);
        assertThat(cipher.decrypt((String) row.get("previous_secret"))).isEqualTo(previous);
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE version = '2' AND success").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void secretsUnderAnOldKeyAreReencryptedUnderTheNewFirstKey() throws Exception {
        long userId = customer();
        long endpointId = endpointFor(userId);
        SecretCipher rotated = new SecretCipher(new SecretEncryptionProperties(
                "k2026:a-brand-new-key-of-at-least-32-characters,dev:development-only-webhook-secret-key-not-for-production"),
                new org.springframework.mock.env.MockEnvironment());
        String before = jdbc.sql("SELECT secret FROM webhook_endpoints WHERE id = " + endpointId).query(String.class).single();

        new SecretKeyRotation(new WebhookEndpointRepository(jdbc, mapper), rotated).reencryptUnderCurrentKey();

        String after = jdbc.sql("SELECT secret FROM webhook_endpoints WHERE id = " + endpointId).query(String.class).single();
        assertThat(after).startsWith("v1:k2026:");
        assertThat(rotated.decrypt(after)).isEqualTo(cipher.decrypt(before));
        // and back under the only key the running service knows, which also proves the way back
        SecretCipher back = new SecretCipher(new SecretEncryptionProperties(
                "dev:development-only-webhook-secret-key-not-for-production,k2026:a-brand-new-key-of-at-least-32-characters"),
                new org.springframework.mock.env.MockEnvironment());
        new SecretKeyRotation(new WebhookEndpointRepository(jdbc, mapper), back).reencryptUnderCurrentKey();
        String restored = jdbc.sql("SELECT secret FROM webhook_endpoints WHERE id = " + endpointId).query(String.class).single();
        assertThat(restored).startsWith("v1:dev:");
        assertThat(cipher.decrypt(restored)).isEqualTo(cipher.decrypt(before));
    }

    @Test
    void redirectCountsAsAFailedAttemptAndIsRetried() throws Exception {
        long userId = customer();
        long endpointId = endpointFor(userId);
        receiver.answer(301);
        savedAlert(userId, "1509-12-L114");

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(userId, endpointId).size() == 2);
        JsonNode log = deliveries(userId, endpointId);
        assertThat(log.get(1).get("response_status").asInt()).isEqualTo(301);
        assertThat(log.get(1).get("success").asBoolean()).isFalse();
        assertThat(log.get(0).get("success").asBoolean()).isTrue();
    }

    @Test
    void tooManyRequestsWaitsForTheReceiversRetryAfterInsteadOfTheSchedule() throws Exception {
        long userId = customer();
        long endpointId = endpointFor(userId);
        receiver.answer(429, "3", null);
        savedAlert(userId, "1509-13-L114");

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 2);
        // the test schedule retries after 200 ms; the receiver asked for 3 s
        long gapMillis = java.time.Duration.between(Instant.ofEpochSecond(Long.parseLong(receiver.received().get(0).timestamp())),
                Instant.ofEpochSecond(Long.parseLong(receiver.received().get(1).timestamp()))).toMillis();
        assertThat(gapMillis).isGreaterThanOrEqualTo(2_000);
        assertThat(deliveries(userId, endpointId).get(1).get("response_status").asInt()).isEqualTo(429);
    }

    @Test
    void planWithoutCustomerWebhooksCannotRegisterEndpoints() throws Exception {
        long userId = newUserId();
        grantPlan(userId, "pyme", 10, false);
        register(userId, receiver.url()).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("feature_not_in_plan")).andExpect(jsonPath("$.current_plan").value("pyme"));
    }

    @Test
    void metadataPrivateAndNonHttpsUrlsAreRefusedAtRegistration() throws Exception {
        long userId = customer();
        register(userId, "http://169.254.169.254/latest/meta-data/").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("url_not_allowed"));
        register(userId, "https://10.0.0.5/hook").andExpect(status().isBadRequest());
        register(userId, "https://[::1]/hook").andExpect(status().isBadRequest());
        register(userId, "ftp://example.com/hook").andExpect(status().isBadRequest());
        register(userId, "").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("validation_failed"));
        mvc.perform(get("/api/v1/webhook-endpoints").header("Authorization", bearer(userId)))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void receiverFailingTwiceThenSucceedingGetsOneSuccessWithThreeAttemptsLogged() throws Exception {
        long userId = customer();
        long endpointId = endpointFor(userId);
        receiver.answer(500, 503);
        savedAlert(userId, "1509-5-L114");

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(userId, endpointId).size() == 3);
        Thread.sleep(1000);

        JsonNode log = deliveries(userId, endpointId);
        assertThat(log).hasSize(3);
        assertThat(log.get(0).get("success").asBoolean()).isTrue();
        assertThat(log.get(0).get("attempt").asInt()).isEqualTo(3);
        assertThat(log.get(1).get("response_status").asInt()).isEqualTo(503);
        assertThat(log.get(2).get("response_status").asInt()).isEqualTo(500);
        assertThat(log.get(0).get("latency_ms").isNumber()).isTrue();
        assertThat(log.get(0).get("response_body").asString()).contains("ok");
        assertThat(receiver.received()).hasSize(3).allMatch(WebhookReceiver.Received::signatureValid);
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::id).containsOnly(receiver.received().get(0).id());
        mvc.perform(get("/api/v1/webhook-endpoints/{id}/messages", endpointId).header("Authorization", bearer(userId)))
                .andExpect(jsonPath("$[0].status").value("succeeded")).andExpect(jsonPath("$[0].attempts").value(3));
    }

    @Test
    void receiverAnswering410DisablesTheEndpointAndTellsTheOwner() throws Exception {
        long userId = customer();
        long endpointId = endpointFor(userId);
        receiver.answer(410);
        savedAlert(userId, "2048-540-COT26");

        await().atMost(Duration.ofSeconds(20)).until(() -> json(mvc.perform(get("/api/v1/webhook-endpoints/{id}", endpointId)
                .header("Authorization", bearer(userId))).andReturn().getResponse().getContentAsString()).get("active").asBoolean() == false);
        mvc.perform(get("/api/v1/webhook-endpoints/{id}", endpointId).header("Authorization", bearer(userId)))
                .andExpect(jsonPath("$.disabled_reason").value("gone"));
        assertThat(deliveries(userId, endpointId)).hasSize(1);
        awaitRow("SELECT count(*) FROM notifications WHERE user_id = " + userId + " AND kind = 'webhook_disabled'");
        savedAlert(userId, "2048-541-COT26");
        Thread.sleep(1000);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void endpointFailingForDaysIsDisabledAndItsOwnerIsEmailed() throws Exception {
        long userId = customer();
        long endpointId = endpointFor(userId);
        jdbc.sql("UPDATE webhook_endpoints SET failing_since = now() - interval '6 days' WHERE id = " + endpointId).update();
        receiver.answer(500);
        savedAlert(userId, "2048-600-COT26");

        awaitRow("SELECT count(*) FROM webhook_endpoints WHERE id = " + endpointId + " AND NOT is_active AND disabled_reason = 'failing'");
        awaitRow("SELECT count(*) FROM notifications WHERE user_id = " + userId + " AND kind = 'webhook_disabled'");
        awaitRow("SELECT count(*) FROM outbound_messages WHERE user_id = " + userId + " AND subject = 'Desactivamos tu webhook'");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void testEventReplayAndRotationKeepSignaturesVerifiable() throws Exception {
        long userId = customer();
        long endpointId = endpointFor(userId);
        String messageId = json(mvc.perform(post("/api/v1/webhook-endpoints/{id}/test", endpointId).header("Authorization", bearer(userId)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString()).get("message_id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 1);
        assertThat(json(receiver.received().get(0).body()).get("type").asString()).isEqualTo("webhook.test");

        String oldSecret = json(mvc.perform(post("/api/v1/webhook-endpoints/{id}/rotate-secret", endpointId)
                .header("Authorization", bearer(userId))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .get("secret").asString();
        receiver.secret(oldSecret);
        mvc.perform(post("/api/v1/webhook-endpoints/{id}/messages/{msg}/replay", endpointId, messageId)
                .header("Authorization", bearer(userId))).andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 2);

        WebhookReceiver.Received replayed = receiver.received().get(1);
        assertThat(replayed.id()).isEqualTo(messageId);
        assertThat(replayed.signatureValid()).isTrue();
        assertThat(replayed.signature().split(" ")).hasSize(2);
    }

    @Test
    void anotherTenantsEndpointMessagesAndDeliveriesAnswer404() throws Exception {
        long owner = customer();
        long stranger = customer();
        long endpointId = endpointFor(owner);
        String auth = bearer(stranger);
        String body = "{\"url\": \"" + receiver.url() + "\"}";
        mvc.perform(get("/api/v1/webhook-endpoints/{id}", endpointId).header("Authorization", auth)).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/webhook-endpoints/{id}", endpointId).header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/webhook-endpoints/{id}/deliveries", endpointId).header("Authorization", auth)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/webhook-endpoints/{id}/messages", endpointId).header("Authorization", auth)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/webhook-endpoints/{id}/rotate-secret", endpointId).header("Authorization", auth)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/webhook-endpoints/{id}/test", endpointId).header("Authorization", auth)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/webhook-endpoints/{id}/messages/msg_00000000000000000000000000000000/replay", endpointId)
                .header("Authorization", auth)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/webhook-endpoints/{id}", endpointId).header("Authorization", auth)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/webhook-endpoints").header("Authorization", auth)).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/webhook-endpoints/{id}", endpointId).header("Authorization", bearer(owner))).andExpect(status().isOk());
    }
}
