package cl.compraagil.auth.bench;

import cl.compraagil.testkit.EmbeddedEngines;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Engines for bench/auth-login.sh, not a test: PostgreSQL 17 with an {@code auth} database, Redis and a KRaft
 * Kafka broker on free ports. Writes their addresses as shell variables to the file named by the first argument,
 * then waits until killed (the engines stop with this JVM).
 */
public final class LoginBenchEngines {

    private LoginBenchEngines() {
    }

    public static void main(String[] args) throws Exception {
        String jdbcUrl = EmbeddedEngines.jdbcUrl("auth");
        int redisPort = EmbeddedEngines.redisPort();
        String kafka = EmbeddedEngines.kafkaBootstrapServers();
        Path file = Path.of(args[0]);
        Path partial = Path.of(args[0] + ".tmp");
        Files.writeString(partial, "DB_URL='" + jdbcUrl + "'\nREDIS_PORT=" + redisPort + "\nKAFKA=" + kafka + "\n");
        Files.move(partial, file);
        Thread.currentThread().join();
    }
}
