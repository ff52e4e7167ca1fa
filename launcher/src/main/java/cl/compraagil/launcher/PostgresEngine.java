package cl.compraagil.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Embedded PostgreSQL 17 that keeps its cluster in the data folder, with one database per service. */
final class PostgresEngine implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private PostgresEngine(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * The binaries archive for this machine, first copy on the classpath. zonky's default resolver refuses two
     * copies, and the launcher jar's manifest class path adds a second one when a test in the reactor uses it.
     */
    private static java.io.InputStream firstBinaryOnClasspath(String system, String hardware) throws IOException {
        String name = ("postgres-" + system + "-" + io.zonky.test.db.postgres.util.ArchUtils.normalize(hardware) + ".txz")
                .toLowerCase(java.util.Locale.ROOT);
        java.io.InputStream binaries = PostgresEngine.class.getClassLoader().getResourceAsStream(name);
        if (binaries == null) {
            throw new IOException("No PostgreSQL binaries " + name + " on the classpath for " + system + " " + hardware);
        }
        return binaries;
    }

    static PostgresEngine start(EngineSettings settings) throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPgBinaryResolver(PostgresEngine::firstBinaryOnClasspath)
                .setPort(settings.postgresPort())
                .setDataDirectory(settings.postgresDir())
                // initdb runs only when the folder holds no cluster yet, so data survives restarts
                .setCleanDataDirectory(false)
                // Engines stops PostgreSQL last, after the services that use it; a hook of its own would race that
                .setRegisterShutdownHook(false)
                // a loaded 2-core machine (a build next to the suite) can take well over a minute to start the cluster
                .setPGStartupWait(Duration.ofSeconds(180))
                .setServerConfig("listen_addresses", "localhost")
                // zonky passes -F (no fsync) for throw-away test clusters; this one holds a developer's data
                .setServerConfig("fsync", "on")
                .setServerConfig("shared_buffers", "32MB")
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                .start();
        PostgresEngine engine = new PostgresEngine(postgres);
        engine.prepare(settings);
        return engine;
    }

    /** Sets the documented password (services send it) and creates the databases that are still missing. */
    private void prepare(EngineSettings settings) {
        String url = settings.jdbcUrl("postgres");
        try (Connection connection = DriverManager.getConnection(url, EngineSettings.DB_USER, EngineSettings.DB_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE " + EngineSettings.DB_USER + " PASSWORD '" + EngineSettings.DB_PASSWORD + "'");
            for (String database : missing(connection, settings.databases())) {
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL started but could not be prepared: " + e.getMessage(), e);
        }
    }

    private static List<String> missing(Connection connection, List<String> databases) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT datname FROM pg_database")) {
            List<String> existing = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    existing.add(rows.getString(1));
                }
            }
            return databases.stream().filter(database -> !existing.contains(database)).toList();
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
