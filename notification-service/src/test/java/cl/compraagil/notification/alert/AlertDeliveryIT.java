package cl.compraagil.notification.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.compraagil.notification.Fixtures;
import cl.compraagil.notification.IntegrationTest;
import cl.compraagil.notification.ThirdParties;
import cl.compraagil.notification.WebhookReceiver;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class AlertDeliveryIT extends IntegrationTest {

    private final WireMockServer wiremock = ThirdParties.wiremock();

    @BeforeEach
    void providers() {
        wiremock.stubFor(post(urlPathEqualTo("/v3/mail/send"))
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-message-1")));
        wiremock.stubFor(post(urlPathMatching("/bot.*/sendMessage")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"result\":{\"message_id\":77}}")));
    }

    private long subscriber(String plan, boolean webhooks) {
        long userId = newUserId();
        registerUser(userId);
        publish("user.telegram_linked", Long.toString(userId), Map.of("user_id", userId, "telegram_id", userId * 10));
        awaitRow("SELECT count(*) FROM user_contacts WHERE telegram_id = " + userId * 10);
        grantPlan(userId, plan, null, webhooks);
        return userId;
    }

    private void createRule(long userId, String body) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/alerts")
                .header("Authorization", bearer(userId)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
    }

    private JsonNode inbox(long userId) throws Exception {
        return json(mvc.perform(get("/api/v1/notifications").header("Authorization", bearer(userId)))
                .andReturn().getResponse().getContentAsString()).get("items");
    }

    private long alertsInInbox(long userId) throws Exception {
        long count = 0;
        for (JsonNode item : inbox(userId)) {
            count += item.get("kind").asString().equals("alert") ? 1 : 0;
        }
        return count;
    }

    private int emailsTo(String address) {
        return wiremock.findAll(postRequestedFor(urlPathEqualTo("/v3/mail/send"))
                .withRequestBody(matchingJsonPath("$.personalizations[0].to[0].email", equalTo(address)))).size();
    }

    private int telegramsTo(long chatId) {
        return wiremock.findAll(postRequestedFor(urlPathMatching("/bot.*/sendMessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(chatId))))).size();
    }

    @Test
    void matchedOpportunityReachesInboxEmailTelegramAndSignedWebhookExactlyOnce() throws Exception {
        long userId = subscriber("profesional", true);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode endpoint = json(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .post("/api/v1/webhook-endpoints").header("Authorization", bearer(userId))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"url\": \"" + receiver.url() + "\", \"events\": [\"licitacion.new\"]}"))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
            receiver.secret(endpoint.get("secret").asString());
            String word = "lote" + userId;
            createRule(userId, Fixtures.rule("Notebooks", word, "\"inbox\", \"email\", \"telegram\", \"webhook\""));

            Map<String, Object> licitacion = Fixtures.licitacionNew("2048-" + userId + "-COT26", "Notebook 14 pulgadas " + word, 1_500_000);
            publish("licitacion.new", "2048-" + userId + "-COT26", licitacion);
            publish("licitacion.new", "2048-" + userId + "-COT26", licitacion);

            await().atMost(Duration.ofSeconds(20)).until(() -> alertsInInbox(userId) == 1
                    && emailsTo("ana" + userId + "@pyme.cl") == 1 && telegramsTo(userId * 10) == 1
                    && receiver.received().size() == 1);
            Thread.sleep(1500);

            assertThat(alertsInInbox(userId)).isEqualTo(1);
            assertThat(emailsTo("ana" + userId + "@pyme.cl")).isEqualTo(1);
            assertThat(telegramsTo(userId * 10)).isEqualTo(1);
            assertThat(receiver.received()).hasSize(1);
            WebhookReceiver.Received hook = receiver.received().get(0);
            assertThat(hook.signatureValid()).isTrue();
            assertThat(hook.id()).startsWith("msg_");
            JsonNode payload = json(hook.body());
            assertThat(payload.get("type").asString()).isEqualTo("licitacion.new");
            assertThat(payload.get("data").get("codigo").asString()).isEqualTo("2048-" + userId + "-COT26");
            assertThat(inbox(userId).get(0).get("title").asString()).startsWith("Compra Ágil nueva: Notebook");
        }
    }

    private int emailsWithSubject(String address, String subject) {
        return wiremock.findAll(postRequestedFor(urlPathEqualTo("/v3/mail/send"))
                .withRequestBody(matchingJsonPath("$.personalizations[0].to[0].email", equalTo(address)))
                .withRequestBody(matchingJsonPath("$.subject", equalTo(subject)))).size();
    }

    @Test
    void pastTheDailyCapMatchesStillReachTheInboxButNoOtherChannel() throws Exception {
        long userId = subscriber("pyme", false);
        String word = "lote" + userId;
        createRule(userId, """
                {"name": "Tope", "keywords": ["%s"], "channels": ["inbox", "email"], "quiet_hours_enabled": false, "daily_cap": 1}
                """.formatted(word));
        publish("licitacion.new", "A-" + userId, Fixtures.licitacionNew("A-" + userId, "Notebook " + word, 900_000));
        publish("licitacion.new", "B-" + userId, Fixtures.licitacionNew("B-" + userId, "Monitor " + word, 900_000));

        await().atMost(Duration.ofSeconds(20)).until(() -> alertsInInbox(userId) == 2 && emailsTo("ana" + userId + "@pyme.cl") == 1);
        Thread.sleep(1500);
        assertThat(emailsTo("ana" + userId + "@pyme.cl")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM outbound_messages WHERE user_id = " + userId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void dailyDigestRuleSendsOneSummaryInsteadOfOneEmailPerMatch() throws Exception {
        long userId = subscriber("pyme", false);
        String word = "lote" + userId;
        createRule(userId, """
                {"name": "Resumen", "keywords": ["%s"], "channels": ["inbox", "email"], "quiet_hours_enabled": false,
                 "delivery": "daily_digest"}
                """.formatted(word));
        publish("licitacion.new", "C-" + userId, Fixtures.licitacionNew("C-" + userId, "Notebook " + word, 900_000));
        publish("licitacion.new", "D-" + userId, Fixtures.licitacionNew("D-" + userId, "Monitor " + word, 900_000));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM outbound_messages WHERE user_id = "
                + userId + " AND status = 'digest' AND next_attempt_at > now()").query(Long.class).single() == 2);
        assertThat(alertsInInbox(userId)).isEqualTo(2); // the inbox never waits for the digest
        assertThat(emailsTo("ana" + userId + "@pyme.cl")).isZero();

        // the digest time arrives (08:00 Chile by default)
        jdbc.sql("UPDATE outbound_messages SET next_attempt_at = now() WHERE status = 'digest' AND user_id = " + userId).update();

        String address = "ana" + userId + "@pyme.cl";
        await().atMost(Duration.ofSeconds(20)).until(() -> emailsWithSubject(address, "Tu resumen diario: 2 oportunidades nuevas") == 1);
        Thread.sleep(1000);
        assertThat(emailsTo(address)).isEqualTo(1);
    }

    @Test
    void savedLicitacionThatChangesStateOrIsClosingNotifiesItsOwnerOnEveryChannel() throws Exception {
        long userId = subscriber("pyme", false);
        publish("saved_licitacion.alert", Long.toString(userId), Map.of("user_id", userId, "codigo", "1509-77-LE26",
                "nombre", "Servicio de aseo", "reason", "estado_changed", "estado", "proveedor_seleccionado",
                "previous_estado", "cerrada"));
        publish("saved_licitacion.alert", Long.toString(userId), Map.of("user_id", userId, "codigo", "1509-78-LE26",
                "nombre", "Compra de resmas", "reason", "closing", "estado", "publicada", "fecha_cierre", "2026-11-28T15:00:00Z",
                "hours_to_close", 2));
        publish("saved_licitacion.alert", Long.toString(userId), Map.of("user_id", userId, "codigo", "2048-540-COT26",
                "nombre", "Adquisición de adhesivos", "reason", "segundo_llamado", "estado", "publicada",
                "previous_estado", "cerrada", "convocatoria", 2, "fecha_cierre", "2026-11-30T14:04:59Z"));

        String address = "ana" + userId + "@pyme.cl";
        await().atMost(Duration.ofSeconds(20)).until(() -> emailsTo(address) == 3 && telegramsTo(userId * 10) == 3);
        JsonNode items = inbox(userId);
        List<String> titles = new java.util.ArrayList<>();
        List<String> details = new java.util.ArrayList<>();
        items.forEach(item -> {
            if (item.get("kind").asString().equals("saved_licitacion")) {
                titles.add(item.get("title").asString());
                details.add(item.get("body").asString());
            }
        });
        assertThat(titles).containsExactlyInAnyOrder("Cambió el estado de una licitación guardada: 1509-77-LE26",
                "Está por cerrar una licitación guardada: 1509-78-LE26",
                "Segundo llamado en una licitación guardada: 2048-540-COT26");
        // closing times are read in Chile (UTC-3 in November), never as UTC with the zone cut off
        assertThat(details).contains("Compra de resmas. Cierra en 2 horas, el 28-11-2026 a las 12:00 (hora de Chile).")
                .anyMatch(detail -> detail.startsWith("Adquisición de adhesivos. Se abrió un segundo llamado")
                        && detail.endsWith("Cierra el 30-11-2026 a las 11:04 (hora de Chile)."));
        assertThat(emailsWithSubject(address, "Está por cerrar una licitación guardada: 1509-78-LE26")).isEqualTo(1);
    }

    private List<String> sentTexts(long userId) {
        List<String> texts = new java.util.ArrayList<>();
        wiremock.findAll(postRequestedFor(urlPathEqualTo("/v3/mail/send"))
                        .withRequestBody(matchingJsonPath("$.personalizations[0].to[0].email", equalTo("ana" + userId + "@pyme.cl"))))
                .forEach(request -> texts.add(json(request.getBodyAsString()).get("content").get(0).get("value").asString()));
        wiremock.findAll(postRequestedFor(urlPathMatching("/bot.*/sendMessage"))
                        .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(userId * 10)))))
                .forEach(request -> texts.add(json(request.getBodyAsString()).get("text").asString()));
        return texts;
    }

    @Test
    void winterClosingTimeReadsOnChileClockInInboxEmailAndTelegram() throws Exception {
        long userId = subscriber("pyme", false);
        String word = "lote" + userId;
        createRule(userId, Fixtures.rule("Invierno", word, "\"inbox\", \"email\", \"telegram\""));
        Map<String, Object> licitacion = new java.util.LinkedHashMap<>(
                Fixtures.licitacionNew("W-" + userId, "Notebook " + word, 900_000));
        licitacion.put("fecha_cierre", "2027-07-15T19:00:00Z"); // 15:00 in Chile's winter (UTC-4)
        publish("licitacion.new", "W-" + userId, licitacion);
        publish("saved_licitacion.alert", Long.toString(userId), Map.of("user_id", userId, "codigo", "W-" + userId,
                "nombre", "Notebook", "reason", "closing", "estado", "publicada", "fecha_cierre", "2027-07-15T19:00:00Z",
                "hours_to_close", 24));

        await().atMost(Duration.ofSeconds(20)).until(() -> sentTexts(userId).size() == 4);
        List<String> texts = new java.util.ArrayList<>(sentTexts(userId));
        inbox(userId).forEach(item -> {
            if (!item.get("kind").asString().equals("welcome")) {
                texts.add(item.get("body").asString());
            }
        });
        assertThat(texts).hasSize(6)
                .allSatisfy(text -> assertThat(text).contains("el 15-07-2027 a las 15:00 (hora de Chile)").doesNotContain("19:00"));
    }

    @Test
    void excludedKeywordsAndOtherRegionsProduceNoAlert() throws Exception {
        long userId = subscriber("pyme", false);
        String word = "lote" + userId;
        createRule(userId, Fixtures.rule("Notebooks", word, "\"inbox\""));
        createRule(userId, """
                {"name": "Solo Valparaíso", "keywords": ["%s"], "regions": ["Valparaíso"], "channels": ["inbox"]}
                """.formatted(word));
        publish("licitacion.new", "X-" + userId, Fixtures.licitacionNew("X-" + userId, "Arriendo de notebooks " + word, 900_000));
        long marker = subscriber("pyme", false);
        createRule(marker, Fixtures.rule("Marcador", "lote" + marker, "\"inbox\""));
        publish("licitacion.new", "Y-" + marker, Fixtures.licitacionNew("Y-" + marker, "Notebook lote" + marker, 900_000));
        await().atMost(Duration.ofSeconds(20)).until(() -> alertsInInbox(marker) == 1);

        assertThat(alertsInInbox(userId)).isZero();
    }

    @Test
    void duringQuietHoursEmailAndTelegramWaitButTheInboxDoesNot() throws Exception {
        long userId = subscriber("pyme", false);
        String word = "lote" + userId;
        java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneId.of("America/Santiago"));
        createRule(userId, """
                {"name": "Silencio", "keywords": ["%s"], "channels": ["inbox", "email", "telegram"],
                 "quiet_hours_start": "%s", "quiet_hours_end": "%s"}
                """.formatted(word, hhmm(now.minusHours(1)), hhmm(now.plusHours(2))));
        publish("licitacion.new", "Q-" + userId, Fixtures.licitacionNew("Q-" + userId, "Notebook " + word, 900_000));

        await().atMost(Duration.ofSeconds(20)).until(() -> alertsInInbox(userId) == 1);
        awaitRow("SELECT count(*) FROM outbound_messages WHERE user_id = " + userId + " AND status = 'pending'"
                + " AND next_attempt_at > now() + interval '30 minutes'");
        assertThat(emailsTo("ana" + userId + "@pyme.cl")).isZero();
        assertThat(telegramsTo(userId * 10)).isZero();
    }

    @Test
    void telegramChatThatBlockedTheBotIsMarkedUnreachable() throws Exception {
        long userId = subscriber("pyme", false);
        wiremock.stubFor(post(urlPathMatching("/bot.*/sendMessage")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(userId * 10))))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")));
        String word = "lote" + userId;
        createRule(userId, Fixtures.rule("Telegram", word, "\"telegram\""));
        publish("licitacion.new", "T-" + userId, Fixtures.licitacionNew("T-" + userId, "Notebook " + word, 900_000));

        awaitRow("SELECT count(*) FROM user_contacts WHERE user_id = " + userId + " AND telegram_unreachable_at IS NOT NULL");
        awaitRow("SELECT count(*) FROM outbound_messages WHERE user_id = " + userId + " AND status = 'failed'");
        assertThat(telegramsTo(userId * 10)).isEqualTo(1);
    }

    @Test
    void telegramFloodLimitIsHonouredWithRetryAfter() throws Exception {
        long userId = subscriber("pyme", false);
        String scenario = "flood-" + userId;
        wiremock.stubFor(post(urlPathMatching("/bot.*/sendMessage")).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(userId * 10))))
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                                + "\"parameters\":{\"retry_after\":1}}"))
                .willSetStateTo("after-flood"));
        String word = "lote" + userId;
        createRule(userId, Fixtures.rule("Telegram", word, "\"telegram\""));
        publish("licitacion.new", "F-" + userId, Fixtures.licitacionNew("F-" + userId, "Notebook " + word, 900_000));

        awaitRow("SELECT count(*) FROM outbound_messages WHERE user_id = " + userId + " AND status = 'sent' AND attempts = 2");
        assertThat(telegramsTo(userId * 10)).isEqualTo(2);
    }

    private static String hhmm(java.time.LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
