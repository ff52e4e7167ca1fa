package cl.compraagil.licitacion.ingestion;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-source polling state: the change-window watermark, the last run and its last error. */
@Repository
class IngestionState {

    private final JdbcClient jdbc;

    IngestionState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> watermark(String source) {
        return jdbc.sql("SELECT watermark FROM ingestion_state WHERE source = :source AND watermark IS NOT NULL")
                .param("source", source)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    void succeeded(String source, Instant watermark) {
        jdbc.sql("""
                INSERT INTO ingestion_state (source, watermark, last_run_at, last_error) VALUES (:source, :watermark, now(), NULL)
                ON CONFLICT (source) DO UPDATE SET watermark = coalesce(EXCLUDED.watermark, ingestion_state.watermark),
                    last_run_at = now(), last_error = NULL
                """)
                .param("source", source)
                .param("watermark", watermark == null ? null : Timestamp.from(watermark))
                .update();
    }

    void failed(String source, String error) {
        jdbc.sql("""
                INSERT INTO ingestion_state (source, last_run_at, last_error) VALUES (:source, now(), :error)
                ON CONFLICT (source) DO UPDATE SET last_run_at = now(), last_error = EXCLUDED.last_error
                """)
                .param("source", source)
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .update();
    }

    List<SourceStatus> all() {
        return jdbc.sql("SELECT source, watermark, last_run_at, last_error FROM ingestion_state ORDER BY source")
                .query((rs, n) -> new SourceStatus(rs.getString("source"), instant(rs.getTimestamp("watermark")),
                        instant(rs.getTimestamp("last_run_at")), rs.getString("last_error")))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    record SourceStatus(String source, Instant watermark, Instant lastRunAt, String lastError) {
    }
}
