package cl.compraagil.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import redis.embedded.RedisServer;

/**
 * Real engines for tests, started once per test JVM and shared by every test class: PostgreSQL 17,
 * Redis and a Kafka broker in KRaft mode. Each is started on first use and stopped when the JVM exits.
 */
public final class EmbeddedEngines {

    private static EmbeddedPostgres postgres;
    private static RedisServer redis;
    private static int redisPort;
    private static EmbeddedKafkaKraftBroker kafka;
    private static final Set<String> databases = new HashSet<>();

    private EmbeddedEngines() {
    }

    /** Registers a service's datasource, Redis, Kafka, token issuer and turns Eureka off. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        String url = jdbcUrl(database);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registerWithoutDatabase(registry);
    }

    /** For services or tests that need Redis and Kafka but no database (the gateway). */
    public static void registerWithoutDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "localhost");
        registry.add("spring.data.redis.port", EmbeddedEngines::redisPort);
        registry.add("spring.kafka.bootstrap-servers", EmbeddedEngines::kafkaBootstrapServers);
        registry.add("security.jwt.jwks-uri", () -> TestTokens.shared().jwksUri().toString());
        registry.add("security.jwt.issuer", () -> TestTokens.ISSUER);
        registry.add("security.jwt.audience", () -> TestTokens.AUDIENCE);
        registry.add("eureka.client.enabled", () -> "false");
    }

    public static synchronized String jdbcUrl(String database) {
        EmbeddedPostgres engine = postgres();
        if (databases.add(database)) {
            try (Connection connection = engine.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                try (ResultSet exists = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "") + "'")) {
                    if (!exists.next()) {
                        statement.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create test database " + database, e);
            }
        }
        return "jdbc:postgresql://localhost:" + engine.getPort() + "/" + database;
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("ALTER USER postgres PASSWORD 'postgres'");
                }
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("Could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedEngines::closePostgres));
        }
        return postgres;
    }

    public static synchronized int redisPort() {
        if (redis == null) {
            redisPort = freePort();
            try {
                redis = RedisServer.newRedisServer().port(redisPort).setting("bind 127.0.0.1")
                        .setting("appendonly no").setting("save \"\"").build();
                redis.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded Redis", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedEngines::stopRedis));
        }
        return redisPort;
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 1);
            kafka.brokerProperty("auto.create.topics.enable", "true");
            kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
            kafka.brokerProperty("log.flush.interval.messages", "100000");
            kafka.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> kafka.destroy()));
        }
        return kafka.getBrokersAsString();
    }

    /** The shared broker, for tests that stop and restart it to prove no event is lost. */
    public static synchronized EmbeddedKafkaKraftBroker kafka() {
        kafkaBootstrapServers();
        return kafka;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closePostgres() {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is exiting; the temporary data folder is removed by the engine itself
        }
    }

    private static void stopRedis() {
        try {
            redis.stop();
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }
}
