package cl.compraagil.notification;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.testkit.EmbeddedEngines;
import cl.compraagil.testkit.TestTokens;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The one Spring context of this module's integration tests (shared through the context cache): the whole
 * service on embedded PostgreSQL and Kafka, third parties on WireMock.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        EmbeddedEngines.register(registry, "notification");
        ThirdParties.register(registry);
    }

    @Autowired protected MockMvc mvc;
    @Autowired protected JdbcClient jdbc;
    @Autowired protected ObjectMapper mapper;
    @Autowired protected KafkaTemplate<String, String> kafka;

    protected static final TestTokens tokens = TestTokens.shared();

    private static long nextUser = (System.nanoTime() % 1_000_000) * 1000;

    /** A user id no other test uses, so tests never see each other's rows. */
    protected static synchronized long newUserId() {
        return ++nextUser;
    }

    protected static String bearer(long userId) {
        return "Bearer " + tokens.user(userId);
    }

    protected EventEnvelope publish(String type, String key, Object data) {
        return publish(UUID.randomUUID(), type, key, data);
    }

    protected EventEnvelope publish(UUID id, String type, String key, Object data) {
        JsonNode payload = mapper.valueToTree(data);
        EventEnvelope event = new EventEnvelope(id, type, Instant.now(), 1, payload);
        try {
            kafka.send(type, key, event.toJson(mapper)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not accept the test event", e);
        }
        return event;
    }

    /** Publishes user.registered and waits until the service knows the user's contact data. */
    protected void registerUser(long userId) {
        publish("user.registered", Long.toString(userId), Fixtures.registered(userId));
        awaitRow("SELECT count(*) FROM user_contacts WHERE user_id = " + userId);
    }

    /** Publishes subscription.changed and waits until the entitlement is cached. */
    protected void grantPlan(long userId, String plan, Integer alertRules, boolean webhooks) {
        publish("subscription.changed", Long.toString(userId), Fixtures.subscription(userId, plan, alertRules, webhooks));
        awaitRow("SELECT count(*) FROM user_entitlements WHERE user_id = " + userId + " AND plan = '" + plan + "'");
    }

    protected void awaitRow(String countQuery) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> jdbc.sql(countQuery).query(Long.class).single() > 0);
    }

    protected JsonNode json(String body) {
        return mapper.readTree(body);
    }
}
