package cl.compraagil.gateway.quota;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import cl.compraagil.gateway.GatewayTestBase;
import cl.compraagil.testkit.EmbeddedEngines;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class QuotaIT extends GatewayTestBase {

    private static final String PREDICT = "/api/v1/ml/predict/probability";

    @Autowired
    PlanStore plans;

    @Autowired
    UsageEvents usage;

    @BeforeAll
    static void backendsAnswer() {
        ML.stubFor(any(urlPathMatching("/.*")).atPriority(10).willReturn(okJson("{\"probability\":0.4}")));
        LICITACION.stubFor(any(urlPathMatching("/.*")).atPriority(10).willReturn(okJson("{\"items\":[]}")));
        SUBSCRIPTION.stubFor(any(urlPathMatching("/api/v1/subscriptions/plans.*")).atPriority(10)
                .willReturn(okJson("[]")));
    }

    @Test
    void freeUsersThirdAnalysisOfTheDayGets429WithPlanLimitAndUpgradeLink() {
        String token = TOKENS.user(201);
        predict(token).expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Policy", "\"requests_per_minute\";q=1000;w=60, \"ai_analysis\";q=2;w=86400")
                .expectHeader().value("RateLimit", value -> assertThat(value).contains("\"ai_analysis\";r=1;t="));
        predict(token).expectStatus().isOk()
                .expectHeader().value("RateLimit", value -> assertThat(value).contains("\"ai_analysis\";r=0;t="));
        predict(token).expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", value -> assertThat(Long.parseLong(value)).isBetween(1L, 86_400L))
                .expectHeader().valueEquals("RateLimit-Policy", "\"ai_analysis\";q=2;w=86400")
                .expectBody()
                .jsonPath("$.error").isEqualTo("rate_limit_exceeded")
                .jsonPath("$.detail").isEqualTo("Has excedido el límite de 2 ai_analysis por día")
                .jsonPath("$.current_plan").isEqualTo("free")
                .jsonPath("$.limit").isEqualTo(2)
                .jsonPath("$.resource").isEqualTo("ai_analysis")
                .jsonPath("$.upgrade_url").isEqualTo("/pricing");
    }

    @Test
    void planChangeEventAppliesToTheVeryNextRequest() throws Exception {
        String token = TOKENS.user(202);
        predict(token).expectStatus().isOk();
        predict(token).expectStatus().isOk();
        predict(token).expectStatus().isEqualTo(429);

        publish("subscription.changed", 202, planEvent(202, "emprendedor", 5, Instant.now()));

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = 429;
        while (status == 429 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = predict(token).returnResult(String.class).getStatus().value();
        }
        assertThat(status).isEqualTo(200);
    }

    @Test
    void anOlderPlanChangeNeverOverwritesANewerOne() {
        Instant now = Instant.now();
        assertThat(plans.save(limits(203, "pyme", 10, now)).block()).isTrue();
        assertThat(plans.save(limits(203, "free", 2, now.minusSeconds(60))).block()).isFalse();
        String token = TOKENS.user(203);
        predict(token).expectStatus().isOk()
                .expectHeader().value("RateLimit", value -> assertThat(value).contains("\"ai_analysis\";r=9;"));
    }

    @Test
    void unlimitedResourcesAreCountedButNeverRefused() {
        assertThat(plans.save(limits(204, "profesional", null, Instant.now())).block()).isTrue();
        String token = TOKENS.user(204);
        for (int i = 0; i < 4; i++) {
            predict(token).expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Policy", "\"requests_per_minute\";q=1000;w=60");
        }
    }

    @Test
    void adminsAreExemptFromPlanQuotas() {
        String token = TOKENS.admin(205);
        for (int i = 0; i < 4; i++) {
            predict(token).expectStatus().isOk();
        }
    }

    @Test
    void onlyListingAndSearchingLicitacionesCountAsSearches() {
        String token = TOKENS.user(206);
        client.get().uri("/api/v1/licitaciones?q=notebook").header("Authorization", bearer(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().value("RateLimit", value -> assertThat(value).contains("\"searches\";r=49;"));
        client.get().uri("/api/v1/licitaciones/2048-540-COT26").header("Authorization", bearer(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Policy", "\"requests_per_minute\";q=1000;w=60");
    }

    @Test
    void everyCountedRequestEmitsUsageRecorded() {
        String token = TOKENS.user(207);
        predict(token).expectStatus().isOk();
        List<String> events = consume("usage.recorded", "207", 1);
        assertThat(events.get(0)).contains("\"type\":\"usage.recorded\"").contains("\"user_id\":207")
                .contains("\"resource\":\"ai_analysis\"").contains("\"day\":\"").contains("\"count\":1");
    }

    @Test
    void requestsCountedTogetherAreReportedAsOneSumNotOneEventEach() {
        // six counted requests in a few microseconds: at most one drain boundary falls between them
        for (int i = 0; i < 6; i++) {
            usage.recorded(210, List.of("searches"), LocalDate.of(2026, 11, 26));
        }

        List<String> events = consumeUntil("usage.recorded", "210", found -> counted(found) >= 6);
        assertThat(events).allSatisfy(event -> assertThat(event)
                .contains("\"resource\":\"searches\"").contains("\"day\":\"2026-11-26\""));
        assertThat(counted(events)).isEqualTo(6);
        assertThat(events.size()).isBetween(1, 2);
    }

    @Test
    void apiKeyIsExchangedOnceCountsApiCallsAndServicesSeeOnlyTheJwt() {
        String keyToken = TOKENS.token(TOKENS.claims(208, List.of("user")).claim("api_key_id", 77)
                .claim("amr", List.of("api_key")).claim("scope", "licitaciones:read").claim("rate_limit_per_minute", 3)
                .build());
        AUTH.stubFor(post(urlPathEqualTo("/api/v1/auth/api-keys/exchange")).withHeader("X-API-Key", equalTo("ck_live_good"))
                .willReturn(okJson("{\"access_token\":\"" + keyToken + "\",\"token_type\":\"bearer\",\"expires_in\":60}")));
        AUTH.stubFor(post(urlPathEqualTo("/api/v1/auth/api-keys/exchange")).withHeader("X-API-Key", equalTo("ck_live_bad"))
                .willReturn(unauthorized()));
        Map<String, Long> profesional = new java.util.LinkedHashMap<>();
        profesional.put("ai_analysis", null);
        profesional.put("searches", null);
        profesional.put("api_calls", 100L);
        assertThat(plans.save(new PlanLimits(208, "profesional", profesional, Instant.now())).block()).isTrue();

        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/v1/licitaciones/by-key").header("X-API-Key", "ck_live_good").exchange()
                    .expectStatus().isOk()
                    .expectHeader().value("RateLimit", value -> assertThat(value).contains("\"api_calls\";r=9"));
        }
        AUTH.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/auth/api-keys/exchange"))
                .withHeader("X-API-Key", equalTo("ck_live_good")));
        assertThat(LICITACION.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/api/v1/licitaciones/by-key")))).allSatisfy(forwarded -> {
                    assertThat(forwarded.getHeader("Authorization")).isEqualTo(bearer(keyToken));
                    assertThat(forwarded.containsHeader("X-API-Key")).isFalse();
                });

        client.get().uri("/api/v1/licitaciones/by-key").header("X-API-Key", "ck_live_good").exchange()
                .expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.resource").isEqualTo("requests_per_minute").jsonPath("$.limit").isEqualTo(3);
        client.get().uri("/api/v1/licitaciones/by-key").header("X-API-Key", "ck_live_bad").exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.error").isEqualTo("invalid_api_key");

        AUTH.stubFor(post(urlPathEqualTo("/api/v1/auth/api-keys/exchange"))
                .withHeader("X-API-Key", equalTo("ck_live_downgraded")).willReturn(com.github.tomakehurst.wiremock.client.WireMock.forbidden()));
        client.get().uri("/api/v1/licitaciones/by-key").header("X-API-Key", "ck_live_downgraded").exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.error").isEqualTo("plan_required");
    }

    @Test
    void apiKeysOfPlansWithoutApiCallsAreRefused() {
        String keyToken = TOKENS.token(TOKENS.claims(209, List.of("user")).claim("api_key_id", 78)
                .claim("amr", List.of("api_key")).build());
        AUTH.stubFor(post(urlPathEqualTo("/api/v1/auth/api-keys/exchange")).withHeader("X-API-Key", equalTo("ck_live_free"))
                .willReturn(okJson("{\"access_token\":\"" + keyToken + "\",\"token_type\":\"bearer\",\"expires_in\":60}")));
        client.get().uri("/api/v1/licitaciones/by-free-key").header("X-API-Key", "ck_live_free").exchange()
                .expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.resource").isEqualTo("api_calls").jsonPath("$.limit").isEqualTo(0);
    }

    @Test
    void anonymousCallersOfPublicRoutesAreLimitedPerClientAddress() {
        int refused = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 25; i++) {
            refused += client.get().uri("/api/v1/subscriptions/plans").header("X-Forwarded-For", "203.0.113.7").exchange()
                    .returnResult(String.class).getStatus().value() == 429 ? 1 : 0;
        }
        // 20 per minute: the bucket gives a token back every 3 s, which a slow run of 25 calls may see
        long refilled = Duration.ofNanos(System.nanoTime() - started).toSeconds() / 3;
        assertThat(refused).isBetween((int) Math.max(1, 5 - refilled), 5);
        client.get().uri("/api/v1/subscriptions/plans").header("X-Forwarded-For", "203.0.113.8").exchange()
                .expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec predict(String token) {
        return client.post().uri(PREDICT).header("Authorization", bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"codigo\":\"2048-540-COT26\"}").exchange();
    }

    static PlanLimits limits(long userId, String plan, Integer aiAnalysis, Instant changedAt) {
        Map<String, Long> limits = new java.util.LinkedHashMap<>();
        limits.put("ai_analysis", aiAnalysis == null ? null : aiAnalysis.longValue());
        limits.put("searches", aiAnalysis == null ? null : 50L);
        limits.put("api_calls", aiAnalysis == null ? null : 0L);
        return new PlanLimits(userId, plan, limits, changedAt);
    }

    static String planEvent(long userId, String plan, int aiAnalysis, Instant changedAt) {
        return """
                {"id":"%s","type":"subscription.changed","occurred_at":"%s","version":1,
                 "data":{"user_id":%d,"plan":"%s","status":"active",
                   "limits":{"ai_analysis":%d,"searches":200,"api_calls":0,"saved_licitaciones":30,"alert_rules":3,
                             "exports_per_month":5,"organization_seats":1},
                   "features":{"web_dashboard":false,"api_keys":false,"customer_webhooks":false,"competitor_analysis":false},
                   "current_period_end":"2026-12-26T00:00:00Z","changed_at":"%s"}}
                """.formatted(UUID.randomUUID(), changedAt, userId, plan, aiAnalysis, changedAt);
    }

    static void publish(String topic, long key, String json) throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", EmbeddedEngines.kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, Long.toString(key), json)).get();
        }
    }

    static List<String> consume(String topic, String key, int count) {
        List<String> found = consumeUntil(topic, key, events -> events.size() >= count);
        assertThat(found).hasSizeGreaterThanOrEqualTo(count);
        return found;
    }

    /** The values of {@code key}'s records on {@code topic}, read until {@code enough} holds or 20 s have passed. */
    static List<String> consumeUntil(String topic, String key, Predicate<List<String>> enough) {
        Properties config = new Properties();
        config.put("bootstrap.servers", EmbeddedEngines.kafkaBootstrapServers());
        config.put("group.id", "test-" + UUID.randomUUID());
        config.put("auto.offset.reset", "earliest");
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!enough.test(found) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(record.value());
                    }
                }
            }
        }
        return found;
    }

    /** How many requests {@code usage.recorded} events stand for, by their {@code count}. */
    private static int counted(List<String> events) {
        return events.stream().mapToInt(event -> Integer.parseInt(event.replaceAll(".*\"count\":(\\d+).*", "$1"))).sum();
    }
}
