package cl.compraagil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnginesTest {

    private static final String TOPIC = "launcher.check";

    @TempDir
    Path dataDir;

    @Test
    void everyEngineServesClientsAndKeepsItsDataAcrossARestart() throws Exception {
        List<Integer> ports = FreePorts.take(4);
        EngineSettings settings = new EngineSettings(dataDir, ports.get(0), ports.get(1), ports.get(2), ports.get(3),
                EngineSettings.SUITE_DATABASES);

        try (Engines engines = Engines.start(settings)) {
            for (String database : settings.databases()) {
                assertEquals(1, queryInt(settings, database, "SELECT 1"));
            }
            execute(settings, "auth", "CREATE TABLE kept (id INT); INSERT INTO kept VALUES (42)");
            assertEquals("+PONG", RedisWire.command(settings.redisPort(), "PING"));
            assertEquals("+OK", RedisWire.command(settings.redisPort(), "SET kept 42"));
            produce(settings, "42");
            assertEquals(List.of("42"), consumeAll(settings));
        }

        try (Engines engines = Engines.start(settings)) {
            assertEquals(42, queryInt(settings, "auth", "SELECT id FROM kept"));
            assertEquals("42", RedisWire.command(settings.redisPort(), "GET kept"));
            assertEquals(List.of("42"), consumeAll(settings));
        }
    }

    private static int queryInt(EngineSettings settings, String database, String sql) throws Exception {
        try (Connection connection = connect(settings, database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void execute(EngineSettings settings, String database, String sql) throws Exception {
        try (Connection connection = connect(settings, database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(EngineSettings settings, String database) throws Exception {
        return DriverManager.getConnection(settings.jdbcUrl(database), EngineSettings.DB_USER, EngineSettings.DB_PASSWORD);
    }

    private static void produce(EngineSettings settings, String value) throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", settings.kafkaBootstrapServers(),
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(TOPIC, "key", value)).get();
        }
    }

    private static List<String> consumeAll(EngineSettings settings) {
        Properties config = new Properties();
        config.put("bootstrap.servers", settings.kafkaBootstrapServers());
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            // assigned, not subscribed: no consumer group, so no rebalance to wait for
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            List<String> values = new java.util.ArrayList<>();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach((ConsumerRecord<String, String> row) -> values.add(row.value()));
            }
            return values;
        }
    }
}
