package cl.compraagil.licitacion.ingestion;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Lets exactly one replica run a job at a time, with a PostgreSQL session advisory lock held on a dedicated
 * connection for the job's duration. A replica that dies loses its session, and with it the lock.
 */
@Component
class ClusterLock {

    private static final long NAMESPACE = 0x4c494349L << 32;

    private final DataSource dataSource;

    ClusterLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return false, without running the job, when another replica holds the lock */
    boolean runExclusively(String job, Runnable task) {
        long key = key(job);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!execute(connection, "SELECT pg_try_advisory_lock(?)", key)) {
                return false;
            }
            try {
                task.run();
                return true;
            } finally {
                execute(connection, "SELECT pg_advisory_unlock(?)", key);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Advisory lock for " + job + " failed", e);
        }
    }

    static long key(String job) {
        CRC32 crc = new CRC32();
        crc.update(job.getBytes(StandardCharsets.UTF_8));
        return NAMESPACE | crc.getValue();
    }

    private static boolean execute(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
