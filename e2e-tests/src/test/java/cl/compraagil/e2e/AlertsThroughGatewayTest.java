package cl.compraagil.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 5's acceptance through the gateway on the packaged suite: a user on the profesional plan (bought with the
 * local checkout) with a Telegram chat linked creates an alert rule and a webhook endpoint; a new Compra Ágil process
 * appears on the WireMock Mercado Público; within seconds the inbox, the WireMock Telegram Bot API and SendGrid, and a
 * local receiver that checks the Standard Webhooks signature itself all get it. Then the webhook retry, 410 and SSRF
 * rules, and another tenant's view of all of it (404).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertsThroughGatewayTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String TELEGRAM_SEND = "/bot123456:e2e-bot-token/sendMessage";

    private static RunningSuite suite;
    private static Gateway gateway;
    private static AlertsWebhookReceiver receiver;
    private static String ownerEmail;
    private static String owner;
    private static String stranger;
    private static long chatId;
    private static String keyword;
    private static long ruleId;
    private static long endpointId;
    private static String endpointSecret;
    private static String mainPath;
    private static String codigo;
    private static String deliveredMessageId;

    @BeforeAll
    static void profesionalUserWithTelegramAndAnotherTenant() {
        suite = RunningSuite.get();
        gateway = new Gateway(suite.gatewayUrl());
        receiver = new AlertsWebhookReceiver();
        stubProviders();

        ownerEmail = AlertsAccounts.freshEmail("alertas");
        owner = AlertsAccounts.registerWithFreePlan(gateway, ownerEmail);
        AlertsAccounts.buyPlan(gateway, owner, "profesional");
        chatId = ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
        AlertsAccounts.linkTelegram(gateway, owner, chatId);
        stranger = AlertsAccounts.registerWithFreePlan(gateway, AlertsAccounts.freshEmail("otro-tenant"));
        keyword = randomWord();
        codigo = AlertsMercadoPublico.freshCodigo();
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void newOpportunityReachesInboxTelegramEmailAndASignedWebhookWithinSeconds() {
        mainPath = "/hooks/main-" + keyword;
        HttpResponse<String> endpoint = untilPlanAllows(() -> gateway.postJson("/api/v1/webhook-endpoints", """
                {"url":"%s","events":["licitacion.new"],"description":"ERP de la pyme"}"""
                .formatted(receiver.url(mainPath, attempt -> 200)), owner));
        assertThat(endpoint.statusCode()).as(endpoint.body()).isEqualTo(201);
        endpointId = ((Number) JsonPath.read(endpoint.body(), "$.id")).longValue();
        endpointSecret = JsonPath.read(endpoint.body(), "$.secret");
        assertThat(endpointSecret).startsWith("whsec_");
        assertThat(gateway.get("/api/v1/webhook-endpoints/" + endpointId, owner).body()).doesNotContain(endpointSecret);

        // quiet hours off: Chile's default 21:00–08:00 would hold email and Telegram whenever CI happens to run at night
        HttpResponse<String> rule = untilPlanAllows(() -> gateway.postJson("/api/v1/alerts", """
                {"name":"Notebooks %1$s","keywords":["%1$s"],"excluded_keywords":["arriendo"],"tipo":"compra_agil",
                 "channels":["inbox","email","telegram","webhook"],"quiet_hours_enabled":false,"daily_cap":20,
                 "delivery":"instant"}""".formatted(keyword), owner));
        assertThat(rule.statusCode()).as(rule.body()).isEqualTo(201);
        ruleId = ((Number) JsonPath.read(rule.body(), "$.id")).longValue();

        Instant published = Instant.now();
        AlertsMercadoPublico.publishAndAwaitIngestion(suite.thirdParties().mercadoPublico(), gateway, owner, List.of(
                new AlertsMercadoPublico.Opportunity(codigo, "Adquisición de notebooks " + keyword + " para liceo",
                        "Computadores notebook", 43211503, "Notebook 14 pulgadas, 16 GB RAM, SSD 512 GB", 10, 6_500_000)));

        HttpResponse<String> inbox = AlertsMercadoPublico.awaitSlowly(gateway, "/api/v1/notifications", owner,
                r -> r.statusCode() == 200 && r.body().contains(codigo), WITHIN);
        assertThat(inbox.body()).as("the alert in the inbox").contains(codigo).contains("Notebooks " + keyword);
        Duration toInbox = Duration.between(published, Instant.now());

        List<LoggedRequest> telegram = awaitRequests(suite.thirdParties().telegram(), postRequestedFor(
                urlPathEqualTo(TELEGRAM_SEND)).withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(chatId))))
                .withRequestBody(containing(codigo)));
        assertThat(telegram).as("one Telegram sendMessage to the linked chat").hasSize(1);

        List<LoggedRequest> email = awaitRequests(suite.thirdParties().sendGrid(), postRequestedFor(
                urlPathEqualTo("/v3/mail/send")).withHeader("Authorization", equalTo("Bearer SG.e2e-key"))
                .withRequestBody(containing(ownerEmail)).withRequestBody(containing(codigo)));
        assertThat(email).as("one email through SendGrid to the owner").hasSize(1);

        List<AlertsWebhookReceiver.Received> hooks = awaitReceived(mainPath, 1);
        assertThat(hooks).as("one signed webhook").hasSize(1);
        AlertsWebhookReceiver.Received hook = hooks.get(0);
        assertThat(AlertsWebhookReceiver.verify(endpointSecret, hook.id(), hook.timestamp(), hook.signature(),
                hook.body(), Instant.now())).as("independent Standard Webhooks verification").isNull();
        assertThat(hook.id()).matches("msg_[0-9a-f]{32}");
        assertThat((String) JsonPath.read(hook.bodyText(), "$.type")).isEqualTo("licitacion.new");
        assertThat((String) JsonPath.read(hook.bodyText(), "$.data.codigo")).isEqualTo(codigo);
        assertThat(((Number) JsonPath.read(hook.bodyText(), "$.data.alert_rule_id")).longValue()).isEqualTo(ruleId);
        deliveredMessageId = hook.id();
        Duration toAll = Duration.between(published, Instant.now());
        System.out.printf("alert e2e: published→inbox %d ms, published→all four channels %d ms%n", toInbox.toMillis(),
                toAll.toMillis());

        // the detail call that follows updates the opportunity (licitacion.updated): still one message per channel
        Gateway.sleep(3_000);
        assertThat(receiver.receivedAt(mainPath)).hasSize(1);
        assertThat(suite.thirdParties().telegram().findAll(postRequestedFor(urlPathEqualTo(TELEGRAM_SEND))
                .withRequestBody(containing(codigo)))).hasSize(1);
        HttpResponse<String> log = gateway.get("/api/v1/webhook-endpoints/" + endpointId + "/deliveries", owner);
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        List<Map<String, Object>> attempts = JsonPath.read(log.body(), "$[?(@.message_id == '" + hook.id() + "')]");
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0)).containsEntry("success", true).containsEntry("response_status", 200);
    }

    @Test
    @Order(2)
    void receiverFailingTwiceGetsTheMessageOnceInSuccessWithThreeAttemptsLogged() {
        String path = "/hooks/flaky-" + keyword;
        long flaky = createEndpoint(receiver.url(path, attempt -> attempt <= 2 ? 500 : 200));

        HttpResponse<String> test = gateway.postJson("/api/v1/webhook-endpoints/" + flaky + "/test", "{}", owner);
        assertThat(test.statusCode()).as(test.body()).isEqualTo(202);
        String messageId = JsonPath.read(test.body(), "$.message_id");

        HttpResponse<String> messages = AlertsMercadoPublico.awaitSlowly(gateway,
                "/api/v1/webhook-endpoints/" + flaky + "/messages", owner,
                r -> r.statusCode() == 200 && r.body().contains("\"succeeded\""), WITHIN);
        List<Map<String, Object>> message = JsonPath.read(messages.body(), "$[?(@.message_id == '" + messageId + "')]");
        assertThat(message).as(messages.body()).hasSize(1);
        assertThat(message.get(0)).containsEntry("status", "succeeded").containsEntry("attempts", 3);

        Gateway.sleep(2_500);
        List<AlertsWebhookReceiver.Received> arrived = receiver.receivedAt(path);
        assertThat(arrived).extracting(AlertsWebhookReceiver.Received::answered).containsExactly(500, 500, 200);
        assertThat(arrived).extracting(AlertsWebhookReceiver.Received::id).containsOnly(messageId);
        for (AlertsWebhookReceiver.Received attempt : arrived) {
            assertThat(AlertsWebhookReceiver.verify(secretOf(flaky), attempt.id(), attempt.timestamp(),
                    attempt.signature(), attempt.body(), Instant.now())).isNull();
            assertThat((String) JsonPath.read(attempt.bodyText(), "$.type")).isEqualTo("webhook.test");
        }

        HttpResponse<String> log = gateway.get("/api/v1/webhook-endpoints/" + flaky + "/deliveries", owner);
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        List<Integer> numbers = JsonPath.read(log.body(), "$[?(@.message_id == '" + messageId + "')].attempt");
        List<Boolean> successes = JsonPath.read(log.body(), "$[?(@.message_id == '" + messageId + "')].success");
        List<Integer> statuses = JsonPath.read(log.body(), "$[?(@.message_id == '" + messageId + "')].response_status");
        assertThat(numbers).as(log.body()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(successes).containsExactlyInAnyOrder(false, false, true);
        assertThat(statuses).containsExactlyInAnyOrder(500, 500, 200);
    }

    @Test
    @Order(3)
    void receiverAnswering410DisablesTheEndpoint() {
        String path = "/hooks/gone-" + keyword;
        long gone = createEndpoint(receiver.url(path, attempt -> 410));

        HttpResponse<String> test = gateway.postJson("/api/v1/webhook-endpoints/" + gone + "/test", "{}", owner);
        assertThat(test.statusCode()).as(test.body()).isEqualTo(202);

        HttpResponse<String> endpoint = AlertsMercadoPublico.awaitSlowly(gateway, "/api/v1/webhook-endpoints/" + gone,
                owner, r -> r.statusCode() == 200 && Boolean.FALSE.equals(JsonPath.read(r.body(), "$.active")), WITHIN);
        assertThat((Boolean) JsonPath.read(endpoint.body(), "$.active")).as(endpoint.body()).isFalse();
        assertThat((String) JsonPath.read(endpoint.body(), "$.disabled_reason")).isNotBlank();

        Gateway.sleep(2_500);
        assertThat(receiver.receivedAt(path)).as("410 is final: no retry").hasSize(1);
        HttpResponse<String> log = gateway.get("/api/v1/webhook-endpoints/" + gone + "/deliveries", owner);
        List<Integer> statuses = JsonPath.read(log.body(), "$[*].response_status");
        assertThat(statuses).as(log.body()).containsExactly(410);
        HttpResponse<String> again = gateway.postJson("/api/v1/webhook-endpoints/" + gone + "/test", "{}", owner);
        assertThat(again.statusCode()).as("a disabled endpoint takes no test event").isEqualTo(409);
    }

    @Test
    @Order(4)
    void loopbackAndMetadataAddressesAreRefusedOutsideTheAllowList() {
        for (String url : List.of("http://127.0.0.1:" + receiver.port() + "/hooks/main-" + keyword,
                "http://169.254.169.254/latest/meta-data/", "https://169.254.169.254/latest/meta-data/",
                "http://[::1]:" + receiver.port() + "/hooks/main-" + keyword)) {
            HttpResponse<String> refused = gateway.postJson("/api/v1/webhook-endpoints",
                    "{\"url\":\"" + url + "\",\"events\":[\"licitacion.new\"]}", owner);
            assertThat(refused.statusCode()).as(url + " " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat((String) JsonPath.read(refused.body(), "$.error")).isEqualTo("url_not_allowed");
        }
        HttpResponse<String> moved = gateway.putJson("/api/v1/webhook-endpoints/" + endpointId,
                "{\"url\":\"http://169.254.169.254/latest/meta-data/\",\"events\":[\"licitacion.new\"]}", owner);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(400);
        String list = gateway.get("/api/v1/webhook-endpoints", owner).body();
        assertThat(list).doesNotContain("127.0.0.1").doesNotContain("169.254.169.254").doesNotContain("[::1]");
    }

    @Test
    @Order(5)
    void anotherTenantsRulesSavedLicitacionesEndpointsAndDeliveriesAnswer404() {
        HttpResponse<String> saved = gateway.postJson("/api/v1/licitaciones/saved",
                "{\"codigo\":\"" + codigo + "\",\"nota\":\"cotizar con proveedor de Maipú\"}", owner);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);

        String rule = "/api/v1/alerts/" + ruleId;
        String ruleBody = "{\"name\":\"robada\",\"keywords\":[\"notebook\"],\"channels\":[\"inbox\"]}";
        String endpoint = "/api/v1/webhook-endpoints/" + endpointId;
        String endpointBody = "{\"url\":\"https://example.com/robado\",\"events\":[\"licitacion.new\"]}";
        List<HttpResponse<String>> answers = List.of(
                gateway.get(rule, stranger),
                gateway.putJson(rule, ruleBody, stranger),
                gateway.delete(rule, stranger),
                gateway.get(endpoint, stranger),
                gateway.putJson(endpoint, endpointBody, stranger),
                gateway.delete(endpoint, stranger),
                gateway.postJson(endpoint + "/rotate-secret", "{}", stranger),
                gateway.postJson(endpoint + "/test", "{}", stranger),
                gateway.get(endpoint + "/messages", stranger),
                gateway.get(endpoint + "/deliveries", stranger),
                gateway.postJson(endpoint + "/messages/" + deliveredMessageId + "/replay", "{}", stranger),
                gateway.patchJson("/api/v1/licitaciones/saved/" + codigo, "{\"nota\":\"robada\"}", stranger),
                gateway.delete("/api/v1/licitaciones/saved/" + codigo, stranger));
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.request().method() + " " + answer.request().uri() + " → "
                    + answer.body()).isEqualTo(404);
            assertThat(answer.body()).doesNotContain(keyword).doesNotContain(endpointSecret);
        }
        assertThat(gateway.get("/api/v1/alerts", stranger).body()).doesNotContain(keyword);
        assertThat(gateway.get("/api/v1/webhook-endpoints", stranger).body()).doesNotContain(mainPath);
        assertThat(gateway.get("/api/v1/licitaciones/saved", stranger).body()).doesNotContain(codigo);

        HttpResponse<String> ownRule = gateway.get(rule, owner);
        assertThat(ownRule.statusCode()).isEqualTo(200);
        assertThat(ownRule.body()).contains("Notebooks " + keyword);
        HttpResponse<String> ownEndpoint = gateway.get(endpoint, owner);
        assertThat((Boolean) JsonPath.read(ownEndpoint.body(), "$.active")).isTrue();
        assertThat(ownEndpoint.body()).contains(mainPath);
        assertThat(gateway.get("/api/v1/licitaciones/saved", owner).body()).contains("cotizar con proveedor de Maipú");
        // the owner can still rotate: the stranger's attempts changed nothing
        HttpResponse<String> rotated = gateway.postJson(endpoint + "/rotate-secret", "{}", owner);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(rotated.body(), "$.secret")).isNotEqualTo(endpointSecret);
    }

    /** The Standard Webhooks reference vector, so the verifier above is known to be right before it judges the service. */
    @Test
    @Order(0)
    void ownVerifierAcceptsTheSpecificationsExampleAndRejectsTampering() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
        Instant at = Instant.ofEpochSecond(1614265330);
        String signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        assertThat(AlertsWebhookReceiver.verify(secret, id, "1614265330", signature, body, at)).isNull();
        assertThat(AlertsWebhookReceiver.verify(secret, id, "1614265330", "v1,bm9wZQ== " + signature, body, at)).isNull();
        assertThat(AlertsWebhookReceiver.verify(secret, id, "1614265330", signature,
                "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8), at)).isNotNull();
        assertThat(AlertsWebhookReceiver.verify(secret, id, "1614265331", signature, body, at)).isNotNull();
        assertThat(AlertsWebhookReceiver.verify(secret, id, "1614265330", signature, body, at.plusSeconds(301))).isNotNull();
        assertThat(AlertsWebhookReceiver.verify(secret, id, "1614265330", "v2," + signature.substring(3), body, at)).isNotNull();
    }

    private static final Map<Long, String> SECRETS = new java.util.concurrent.ConcurrentHashMap<>();

    private static long createEndpoint(String url) {
        // only saved_licitacion.alert: these receivers must see nothing but the test events sent to them
        HttpResponse<String> created = untilPlanAllows(() -> gateway.postJson("/api/v1/webhook-endpoints",
                "{\"url\":\"" + url + "\",\"events\":[\"saved_licitacion.alert\"]}", owner));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
        SECRETS.put(id, JsonPath.read(created.body(), "$.secret"));
        return id;
    }

    private static String secretOf(long endpoint) {
        return SECRETS.get(endpoint);
    }

    /** The plan bought a moment ago reaches notification-service through Kafka: retry while it still says "not in plan". */
    private static HttpResponse<String> untilPlanAllows(Supplier<HttpResponse<String>> call) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        HttpResponse<String> answer = call.get();
        while (answer.statusCode() == 403 && System.nanoTime() < deadline) {
            Gateway.sleep(1_000);
            answer = call.get();
        }
        return answer;
    }

    private static List<LoggedRequest> awaitRequests(WireMockServer server, RequestPatternBuilder pattern) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        List<LoggedRequest> found = server.findAll(pattern);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Gateway.sleep(500);
            found = server.findAll(pattern);
        }
        return found;
    }

    private static List<AlertsWebhookReceiver.Received> awaitReceived(String path, int count) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (receiver.receivedAt(path).size() < count && System.nanoTime() < deadline) {
            Gateway.sleep(500);
        }
        return receiver.receivedAt(path);
    }

    private static void stubProviders() {
        suite.thirdParties().telegram().stubFor(post(urlPathMatching("/bot[^/]+/sendMessage")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"result\":{\"message_id\":4242,\"date\":1764158400,\"chat\":{\"id\":1,\"type\":\"private\"}}}")));
        suite.thirdParties().sendGrid().stubFor(post(urlPathEqualTo("/v3/mail/send")).willReturn(aResponse()
                .withStatus(202).withHeader("X-Message-Id", "e2e-sendgrid-message")));
    }

    /** A word no generated or recorded opportunity contains, without a final "s" the light stemmer would cut. */
    private static String randomWord() {
        String letters = "bcdfghjklmnpqrtvwxz";
        StringBuilder word = new StringBuilder("zq");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return word.toString();
    }
}
