package cl.compraagil.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the embedded engines listen and keep their data. Local runs use the fixed ports every service defaults to;
 * tests pass free ports and a temporary folder.
 */
public record EngineSettings(Path dataDir, int postgresPort, int redisPort, int kafkaPort, int kafkaControllerPort,
                             List<String> databases) {

    /** One database per service that has one (docs/development.md). */
    public static final List<String> SUITE_DATABASES = List.of("auth", "subscription", "licitacion", "ml", "notification");

    public static final String DB_USER = "postgres";
    public static final String DB_PASSWORD = "postgres";

    public EngineSettings {
        dataDir = dataDir.toAbsolutePath().normalize();
        databases = List.copyOf(databases);
    }

    public static EngineSettings local(Path dataDir) {
        return new EngineSettings(dataDir, 5432, 6379, 9092, 9093, SUITE_DATABASES);
    }

    public Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    public Path redisDir() {
        return dataDir.resolve("redis");
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public List<NamedPort> ports() {
        return List.of(new NamedPort(postgresPort, "PostgreSQL"), new NamedPort(redisPort, "Redis"),
                new NamedPort(kafkaPort, "Kafka"), new NamedPort(kafkaControllerPort, "Kafka controller"));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }
}
