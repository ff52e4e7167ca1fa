package cl.compraagil.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three embedded engines of a local run: PostgreSQL 17, Redis and Kafka (KRaft). They start together and stop
 * in the reverse order of their users' needs: Kafka, Redis, then PostgreSQL.
 */
public final class Engines implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Engines.class);

    private final EngineSettings settings;
    private final PostgresEngine postgres;
    private final RedisEngine redis;
    private volatile KafkaEngine kafka;

    private Engines(EngineSettings settings, PostgresEngine postgres, RedisEngine redis, KafkaEngine kafka) {
        this.settings = settings;
        this.postgres = postgres;
        this.redis = redis;
        this.kafka = kafka;
    }

    /** Starts all three, PostgreSQL beside the others because it spends seconds waiting on initdb and start-up. */
    public static Engines start(EngineSettings settings) {
        PortGuard.requireFree(settings.ports());
        CompletableFuture<PostgresEngine> postgres = CompletableFuture.supplyAsync(() -> startPostgres(settings));
        RedisEngine redis = null;
        KafkaEngine kafka = null;
        try {
            redis = RedisEngine.start(settings);
            kafka = KafkaEngine.start(settings);
            return new Engines(settings, postgres.join(), redis, kafka);
        } catch (Exception | Error e) {
            // whatever did start must not outlive a failed start
            closeQuietly(kafka);
            closeQuietly(redis);
            closeQuietly(postgres.exceptionally(failure -> null).join());
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Embedded engines failed to start: " + cause.getMessage(), cause);
        }
    }

    private static PostgresEngine startPostgres(EngineSettings settings) {
        try {
            return PostgresEngine.start(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public EngineSettings settings() {
        return settings;
    }

    /** What every service needs to find the engines, as the environment variables of docs/development.md. */
    public Map<String, String> serviceEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DB_USER", EngineSettings.DB_USER);
        environment.put("DB_PASSWORD", EngineSettings.DB_PASSWORD);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
        // Redis listens on 127.0.0.1 only; "localhost" could resolve to ::1 first
        environment.put("REDIS_HOST", "127.0.0.1");
        environment.put("REDIS_PORT", String.valueOf(settings.redisPort()));
        return environment;
    }

    public Optional<ProcessHandle> redisProcess() {
        return redis.process();
    }

    /** The postmaster, which pg_ctl detached from this JVM; its backends are its children. */
    public Optional<ProcessHandle> postgresProcess() {
        return PidFiles.liveProcess(settings.postgresDir().resolve("postmaster.pid"));
    }

    /** Stops the broker alone, as an outage would; services keep running and their events wait in their outboxes. */
    public synchronized void stopKafka() {
        closeQuietly(kafka);
        kafka = null;
    }

    /** Starts the broker again on the same port and log folder, with every record it had. */
    public synchronized void startKafka() {
        if (kafka != null) {
            return;
        }
        try {
            kafka = KafkaEngine.start(settings);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not start again: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        stopKafka();
        closeQuietly(redis);
        closeQuietly(postgres);
    }

    private static void closeQuietly(AutoCloseable engine) {
        if (engine == null) {
            return;
        }
        try {
            engine.close();
        } catch (Exception e) {
            LOG.warn("{} did not stop cleanly", engine.getClass().getSimpleName(), e);
        }
    }
}
