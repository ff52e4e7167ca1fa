package cl.compraagil.subscription;

import static org.awaitility.Awaitility.await;

import cl.compraagil.subscription.billing.BillingProperties;
import cl.compraagil.testkit.EmbeddedEngines;
import cl.compraagil.testkit.TestTokens;
import com.stripe.net.Webhook;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The one Spring context of this module's integration tests: the whole service on embedded PostgreSQL and
 * Kafka, in local billing mode, on a fixed port so the local checkout page can call the webhook through it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class ServiceIntegrationTest {

    protected static final int PORT = EmbeddedEngines.freePort();
    private static final AtomicLong USER_IDS = new AtomicLong(1_000);

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        EmbeddedEngines.register(registry, "subscription");
        registry.add("server.port", () -> PORT);
        registry.add("billing.gateway-url", () -> "http://localhost:" + PORT);
        registry.add("billing.dunning.grace-period", () -> "2s");
        registry.add("billing.dunning.check-interval", () -> "300ms");
        registry.add("events.outbox.poll-interval", () -> "100ms");
        registry.add("spring.kafka.consumer.properties.metadata.max.age.ms", () -> "1000");
    }

    @Autowired protected JdbcClient jdbc;
    @Autowired protected ObjectMapper mapper;
    @Autowired protected KafkaTemplate<String, String> kafka;

    protected final RestClient http = RestClient.builder()
            .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()))
            .baseUrl("http://localhost:" + PORT)
            .defaultStatusHandler(status -> true, (request, response) -> { })
            .build();

    protected static long newUserId() {
        return USER_IDS.incrementAndGet();
    }

    protected ResponseEntity<String> get(String path, String token) {
        return http.get().uri(path).headers(h -> bearer(h, token)).retrieve().toEntity(String.class);
    }

    protected ResponseEntity<String> post(String path, String token, Object body) {
        return post(path, token, body, null);
    }

    protected ResponseEntity<String> post(String path, String token, Object body, String idempotencyKey) {
        var request = http.post().uri(path).headers(h -> {
            bearer(h, token);
            if (idempotencyKey != null) {
                h.set("Idempotency-Key", idempotencyKey);
            }
        });
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(String.class);
    }

    protected JsonNode json(ResponseEntity<String> response) {
        return mapper.readTree(response.getBody());
    }

    protected static String userToken(long userId) {
        return TestTokens.shared().user(userId);
    }

    /** Publishes user.registered as auth-service does and waits for the free subscription. */
    protected long registeredUser() {
        long userId = newUserId();
        publish("user.registered", Long.toString(userId), UUID.randomUUID(), """
                {"user_id": %d, "email": "ana%d@pyme.cl", "full_name": "Ana Pérez", "company_name": "Pyme SpA",
                 "registered_at": "2026-11-26T05:00:00Z"}""".formatted(userId, userId));
        await().atMost(Duration.ofSeconds(30)).until(() -> subscriptionCount(userId) == 1);
        return userId;
    }

    protected void publish(String type, String key, UUID id, String data) {
        String envelope = """
                {"id": "%s", "type": "%s", "occurred_at": "%s", "version": 1, "data": %s}"""
                .formatted(id, type, Instant.now(), data);
        kafka.send(type, key, envelope).join();
    }

    protected long subscriptionCount(long userId) {
        return jdbc.sql("SELECT count(*) FROM subscriptions WHERE user_id = :u").param("u", userId).query(Long.class).single();
    }

    protected String planOf(long userId) {
        return jdbc.sql("SELECT p.name FROM subscriptions s JOIN subscription_plans p ON p.id = s.plan_id WHERE s.user_id = :u")
                .param("u", userId).query(String.class).single();
    }

    protected String statusOf(long userId) {
        return jdbc.sql("SELECT status FROM subscriptions WHERE user_id = :u").param("u", userId).query(String.class).single();
    }

    /** The data of every event of a type written to the outbox for a user, oldest first. */
    protected List<JsonNode> outboxEvents(String type, long userId) {
        return jdbc.sql("SELECT payload::text FROM outbox_events WHERE event_type = :t AND event_key = :k ORDER BY id")
                .param("t", type).param("k", Long.toString(userId)).query(String.class).list().stream()
                .map(payload -> mapper.readTree(payload).path("data")).toList();
    }

    /** Posts a Stripe event signed with the (local) webhook secret, as Stripe would. */
    protected ResponseEntity<String> deliverStripeEvent(String payload) {
        try {
            return deliverStripeEvent(payload, Webhook.Signature.generateSignatureHeader(payload, BillingProperties.LOCAL_WEBHOOK_SECRET));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    protected ResponseEntity<String> deliverStripeEvent(String payload, String signature) {
        return http.post().uri("/api/v1/webhooks/stripe").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (signature != null) {
                        h.set("Stripe-Signature", signature);
                    }
                })
                .body(payload).retrieve().toEntity(String.class);
    }

    private static void bearer(HttpHeaders headers, String token) {
        if (token != null) {
            headers.setBearerAuth(token);
        }
    }
}
