package cl.compraagil.licitacion.mercadopublico;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * The ticket's cluster-wide mutex: a PostgreSQL session advisory lock held for the length of one call, so two
 * replicas (one polling Compra Ágil, another licitaciones or answering an admin's "poll now") never call
 * Mercado Público at the same time with the same ticket. A replica that dies releases it with its session.
 */
@Component
class TicketMutex {

    private static final long NAMESPACE = 0x4d505449L << 32;

    private final DataSource dataSource;
    private final MercadoPublicoProperties properties;

    TicketMutex(DataSource dataSource, MercadoPublicoProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    /** Runs the call holding the lock; waits at most one call's length for another replica to finish its own. */
    <T> T hold(Supplier<T> call) {
        Duration wait = properties.connectTimeout().plus(properties.readTimeout()).plus(properties.minInterval());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            execute(connection, "SELECT set_config('lock_timeout', ?, false)", wait.toMillis() + "ms");
            try {
                execute(connection, "SELECT pg_advisory_lock(?)", key());
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) {
                    throw new MercadoPublicoException(MercadoPublicoException.Reason.RATE_LIMITED,
                            "Another replica held the Mercado Público ticket for longer than " + wait);
                }
                throw e;
            } finally {
                execute(connection, "SELECT set_config('lock_timeout', '0', false)", null);
            }
            try {
                return call.get();
            } finally {
                execute(connection, "SELECT pg_advisory_unlock(?)", key());
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Mercado Público ticket lock failed", e);
        }
    }

    /** One lock per ticket, so deployments with different tickets sharing a database do not wait on each other. */
    long key() {
        CRC32 crc = new CRC32();
        crc.update(String.valueOf(properties.ticket()).getBytes(StandardCharsets.UTF_8));
        return NAMESPACE | crc.getValue();
    }

    private static void execute(Connection connection, String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setObject(1, parameter);
            }
            statement.executeQuery().close();
        }
    }
}
