package cl.compraagil.ml.bench;

import cl.compraagil.testkit.EmbeddedEngines;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where the benchmark's history lives. {@code BENCH_DB_URL} names an existing PostgreSQL (user and password
 * {@code postgres} unless {@code BENCH_DB_USER}/{@code BENCH_DB_PASSWORD}); {@code BENCH_DATA_DIR} keeps an
 * embedded PostgreSQL's data folder between runs, so a 10 M-row history is generated and imported once; with
 * neither, the test kit's throw-away embedded engine as before. Same engine settings as the test kit's.
 */
final class BenchDatabase {

    private static EmbeddedPostgres kept;

    private BenchDatabase() {
    }

    static String url() {
        String external = setting("BENCH_DB_URL", "ml.bench.db-url");
        if (external != null) {
            return external;
        }
        String dataDir = setting("BENCH_DATA_DIR", "ml.bench.data-dir");
        return dataDir == null ? EmbeddedEngines.jdbcUrl("ml") : kept(Path.of(dataDir).toAbsolutePath());
    }

    static String user() {
        String user = setting("BENCH_DB_USER", "ml.bench.db-user");
        return user == null ? "postgres" : user;
    }

    static String password() {
        String password = setting("BENCH_DB_PASSWORD", "ml.bench.db-password");
        return password == null ? "postgres" : password;
    }

    private static synchronized String kept(Path dataDir) {
        if (kept == null) {
            try {
                kept = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                try (Connection connection = kept.getPostgresDatabase().getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("ALTER USER postgres PASSWORD 'postgres'");
                    try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'ml'")) {
                        if (!exists.next()) {
                            statement.execute("CREATE DATABASE ml");
                        }
                    }
                }
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("Could not start the benchmark's PostgreSQL in " + dataDir, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(BenchDatabase::stop));
        }
        return "jdbc:postgresql://localhost:" + kept.getPort() + "/ml";
    }

    private static void stop() {
        try {
            kept.close();
        } catch (IOException ignored) {
            // the JVM is exiting; the data folder is kept on purpose
        }
    }

    private static String setting(String env, String property) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? null : value;
    }
}
