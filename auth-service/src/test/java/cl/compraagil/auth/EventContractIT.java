package cl.compraagil.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.testkit.EmbeddedEngines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Messaging contract: what consumers of auth-service's topics receive from Kafka, key and envelope included. */
class EventContractIT extends AuthServiceTest {

    private Optional<ConsumerRecord<String, String>> awaitRecord(String topic, String key) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedEngines.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "contract-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return Optional.of(record);
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void userRegisteredAndUserDeletedReachKafkaKeyedByUserWithTheContractPayload() throws Exception {
        Registered ana = newUser();
        String key = Long.toString(ana.id());
        ConsumerRecord<String, String> registered = awaitRecord("user.registered", key).orElseThrow();
        EventEnvelope envelope = EventEnvelope.parse(mapper, registered.value());
        assertThat(envelope.type()).isEqualTo("user.registered");
        assertThat(envelope.version()).isEqualTo(1);
        assertThat(List.copyOf(envelope.data().propertyNames()))
                .containsExactlyInAnyOrder("user_id", "email", "full_name", "company_name", "registered_at");
        assertThat(envelope.data().get("user_id").asLong()).isEqualTo(ana.id());
        assertThat(Instant.parse(envelope.data().get("registered_at").asString())).isBefore(Instant.now());

        ConsumerRecord<String, String> verification = awaitRecord("user.email_verification_requested", key).orElseThrow();
        assertThat(List.copyOf(EventEnvelope.parse(mapper, verification.value()).data().propertyNames()))
                .containsExactlyInAnyOrder("user_id", "email", "full_name", "action_url");

        mvc.perform(delete("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, bearer(ana.accessToken())))
                .andExpect(status().isNoContent());
        ConsumerRecord<String, String> deleted = awaitRecord("user.deleted", key).orElseThrow();
        assertThat(EventEnvelope.parse(mapper, deleted.value()).data().get("user_id").asLong()).isEqualTo(ana.id());
    }
}
