package cl.compraagil.auth;

import static org.assertj.core.api.Assertions.assertThat;

import cl.compraagil.testkit.EmbeddedEngines;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Messaging contract: auth-service consumes subscription.changed as subscription-service publishes it. */
class EntitlementEventIT extends AuthServiceTest {

    private void publish(String envelope, String key) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedEngines.kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("subscription.changed", key, envelope)).get();
        }
    }

    private static String envelope(UUID id, long userId, String plan, boolean apiKeys, String seats, Instant changedAt) {
        return """
                {"id":"%s","type":"subscription.changed","occurred_at":"%s","version":1,"data":{"user_id":%d,"plan":"%s",
                 "status":"active","limits":{"ai_analysis":null,"searches":null,"api_calls":1000,"saved_licitaciones":null,
                 "alert_rules":null,"exports_per_month":null,"organization_seats":%s},
                 "features":{"web_dashboard":true,"api_keys":%s,"customer_webhooks":true,"competitor_analysis":true},
                 "current_period_end":"2026-12-26T00:00:00Z","changed_at":"%s"}}
                """.formatted(id, changedAt, userId, plan, seats, apiKeys, changedAt);
    }

    private Map<String, Object> row(long userId) {
        return jdbc.sql("SELECT plan, api_keys, organization_seats FROM user_entitlements WHERE user_id = :id")
                .param("id", userId).query().singleRow();
    }

    private void awaitPlan(long userId, String plan) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (jdbc.sql("SELECT count(*) FROM user_entitlements WHERE user_id = :id AND plan = :plan")
                    .param("id", userId).param("plan", plan).query(Long.class).single() > 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("subscription.changed was not consumed for user " + userId);
    }

    @Test
    void subscriptionChangedCachesTheEntitlementsAndIgnoresOlderAnnouncements() throws Exception {
        long id = registerUser(uniqueEmail());
        Instant now = Instant.now();
        publish(envelope(UUID.randomUUID(), id, "profesional", true, "null", now), Long.toString(id));
        awaitPlan(id, "profesional");
        assertThat(row(id)).containsEntry("api_keys", true).containsEntry("organization_seats", null);

        // an older event arriving late changes nothing; a newer one wins
        publish(envelope(UUID.randomUUID(), id, "free", false, "1", now.minusSeconds(60)), Long.toString(id));
        publish(envelope(UUID.randomUUID(), id, "pyme", false, "3", now.plusSeconds(60)), Long.toString(id));
        awaitPlan(id, "pyme");
        assertThat(row(id)).containsEntry("api_keys", false).containsEntry("organization_seats", 3);
    }
}
