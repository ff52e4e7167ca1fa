package cl.compraagil.events;

import static org.assertj.core.api.Assertions.assertThat;

import cl.compraagil.testkit.EmbeddedEngines;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

@SpringBootTest(classes = OutboxRelayTest.App.class)
class OutboxRelayTest {

    @SpringBootApplication
    static class App {
    }

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        EmbeddedEngines.register(registry, "outbox_test");
    }

    @Autowired OutboxWriter writer;
    @Autowired OutboxRelay relay;
    @Autowired IdempotentConsumer consumer;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper mapper;

    @Test
    void eventCommittedWithStateIsPublishedOnceKafkaAcknowledges() {
        String type = "test.published." + UUID.randomUUID();
        EventEnvelope written = transactions.execute(s -> writer.append(type, "42", Map.of("user_id", 42)));

        while (relay.relayBatch() > 0) {
            // drain everything pending
        }

        List<ConsumerRecord<String, String>> records = consume(type);
        assertThat(records).hasSize(1);
        EventEnvelope received = EventEnvelope.parse(mapper, records.get(0).value());
        assertThat(received.id()).isEqualTo(written.id());
        assertThat(received.type()).isEqualTo(type);
        assertThat(received.data().get("user_id").asInt()).isEqualTo(42);
        assertThat(records.get(0).key()).isEqualTo("42");
        assertThat(pending(written.id())).isFalse();
    }

    @Test
    void rolledBackTransactionLeavesNoEvent() {
        String type = "test.rolledback." + UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            writer.append(type, "1", Map.of("x", 1));
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_events WHERE event_type = :t").param("t", type)
                .query(Long.class).single()).isZero();
    }

    @Test
    void redeliveredEventIsRecognisedAndItsEffectSkipped() {
        UUID id = UUID.randomUUID();
        Boolean first = transactions.execute(s -> consumer.firstDelivery(id, "test"));
        Boolean second = transactions.execute(s -> consumer.firstDelivery(id, "test"));
        Boolean otherConsumer = transactions.execute(s -> consumer.firstDelivery(id, "other"));
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(otherConsumer).isTrue();
    }

    @Test
    void envelopeWithoutIdIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventEnvelope.parse(mapper,
                "{\"type\":\"x\",\"occurred_at\":\"2026-01-01T00:00:00Z\",\"data\":{}}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private boolean pending(UUID eventId) {
        return jdbc.sql("SELECT published_at IS NULL FROM outbox_events WHERE event_id = :id").param("id", eventId)
                .query(Boolean.class).single();
    }

    private List<ConsumerRecord<String, String>> consume(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedEngines.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            kafka.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            java.util.ArrayList<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
            while (records.isEmpty() && System.currentTimeMillis() < deadline) {
                kafka.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }
}
