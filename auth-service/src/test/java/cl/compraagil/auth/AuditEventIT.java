package cl.compraagil.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.compraagil.testkit.EmbeddedEngines;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** Messaging contract: admin actions of other services ({@code audit.recorded}) land in the one audit log admins query. */
class AuditEventIT extends AuthServiceTest {

    private void publish(String envelope, String key) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedEngines.kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("audit.recorded", key, envelope)).get();
        }
    }

    /** As subscription-service's AdminAudit writes it through its outbox. */
    private static String envelope(UUID id, Instant at, String action, long actor, long target) {
        return """
                {"id":"%s","type":"audit.recorded","occurred_at":"%s","version":1,"data":{"action":"%s",
                 "actor_user_id":%d,"target_user_id":%d,"ip":"10.0.0.7","service":"subscription-service",
                 "details":{"plan":"pyme","status":"active"}}}
                """.formatted(id, at, action, actor, target);
    }

    private long lines(long target, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE target_user_id = :t AND action = :a")
                .param("t", target).param("a", action).query(Long.class).single();
    }

    @Test
    void anotherServicesAdminActionIsRecordedOnceWithItsTimeAndServiceAndAdminsQueryIt() throws Exception {
        Registered admin = newAdmin();
        Registered ana = newUser();
        UUID id = UUID.randomUUID();
        Instant at = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        String event = envelope(id, at, "subscription_viewed", admin.id(), ana.id());
        publish(event, Long.toString(admin.id()));
        publish(event, Long.toString(admin.id()));
        // an event published after the duplicate: once it is in, the duplicate has been consumed (same partition)
        publish(envelope(UUID.randomUUID(), Instant.now(), "plan_features_changed", admin.id(), ana.id()), Long.toString(admin.id()));

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (lines(ana.id(), "plan_features_changed") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(lines(ana.id(), "plan_features_changed")).isEqualTo(1);
        assertThat(lines(ana.id(), "subscription_viewed")).isEqualTo(1);

        JsonNode log = json(mvc.perform(get("/api/v1/auth/audit-log").param("user_id", Long.toString(ana.id()))
                        .param("action", "subscription_viewed").header(HttpHeaders.AUTHORIZATION, bearer(admin.accessToken())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(log).hasSize(1);
        assertThat(log.get(0).path("actor_user_id").asLong()).isEqualTo(admin.id());
        assertThat(Instant.parse(log.get(0).path("occurred_at").asString())).isEqualTo(at);
        assertThat(log.get(0).path("ip").asString()).isEqualTo("10.0.0.7");
        assertThat(log.get(0).path("details").path("service").asString()).isEqualTo("subscription-service");
        assertThat(log.get(0).path("details").path("plan").asString()).isEqualTo("pyme");
    }

    @Test
    void aLineWithoutAValidActionIsSkipped() throws Exception {
        Registered admin = newAdmin();
        Registered ana = newUser();
        publish(envelope(UUID.randomUUID(), Instant.now(), "DROP TABLE", admin.id(), ana.id()), Long.toString(admin.id()));
        publish(envelope(UUID.randomUUID(), Instant.now(), "subscription_viewed", admin.id(), ana.id()), Long.toString(admin.id()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (lines(ana.id(), "subscription_viewed") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(lines(ana.id(), "subscription_viewed")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE target_user_id = :t").param("t", ana.id())
                .query(Long.class).single()).isEqualTo(1);
    }
}
