package cl.compraagil.ml.history.importer;

import cl.compraagil.ml.history.importer.ImportReport.Reject;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The import_runs registry: one row per imported file, the key that makes re-imports replace. */
@Repository
class ImportRuns {

    private final JdbcClient jdbc;

    ImportRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(Dataset dataset, String period, String fileName) {
        return jdbc.sql("""
                INSERT INTO import_runs (dataset, period, file_name, status) VALUES (:dataset, :period, :file, 'running')
                RETURNING id
                """)
                .param("dataset", dataset.code()).param("period", period).param("file", fileName)
                .query(Long.class).single();
    }

    void lock(Dataset dataset, String period, String fileName) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .param("key", dataset.code() + "|" + period + "|" + fileName).query((rs, n) -> 1).list();
    }

    /** Earlier completed imports of the same file and month: the runs a new import replaces. */
    List<Long> previous(Dataset dataset, String period, String fileName) {
        return jdbc.sql("""
                SELECT id FROM import_runs WHERE dataset = :dataset AND period = :period AND file_name = :file
                AND status = 'completed'
                """)
                .param("dataset", dataset.code()).param("period", period).param("file", fileName)
                .query(Long.class).list();
    }

    /** A bulk load needs no synchronous commit (the run row says whether it completed) and room to sort indexes. */
    void tuneLoadSession() {
        jdbc.sql("SET LOCAL synchronous_commit = off").update();
        jdbc.sql("SET LOCAL maintenance_work_mem = '256MB'").update();
    }

    /**
     * Creates the empty table one run loads into, in the current transaction so that COPY can write frozen
     * rows; the check constraint lets the later attach skip validating a million rows.
     */
    String createRunPartition(String table, long runId) {
        String partition = partitionName(table, runId);
        jdbc.sql("CREATE TABLE " + partition + " (LIKE " + table + " INCLUDING DEFAULTS, CONSTRAINT " + partition
                + "_run CHECK (import_run_id = " + runId + "))").update();
        return partition;
    }

    /** Attaches a loaded run: its indexes are built here, once, by sorting, then its statistics are taken. */
    void attachRunPartition(String table, long runId) {
        String partition = partitionName(table, runId);
        jdbc.sql("ALTER TABLE " + table + " ATTACH PARTITION " + partition + " FOR VALUES IN (" + runId + ")").update();
        jdbc.sql("ANALYZE " + partition).update();
    }

    void dropRunPartitions(String table, List<Long> runIds) {
        for (Long runId : runIds) {
            jdbc.sql("DROP TABLE IF EXISTS " + partitionName(table, runId)).update();
        }
    }

    void markReplaced(List<Long> runIds) {
        if (!runIds.isEmpty()) {
            jdbc.sql("UPDATE import_runs SET status = 'replaced' WHERE id IN (:ids)").param("ids", runIds).update();
        }
    }

    private static String partitionName(String table, long runId) {
        return table + "_run_" + runId;
    }

    void complete(long runId, long read, long loaded, long rejected, long excluded, double rowsPerSecond) {
        jdbc.sql("""
                UPDATE import_runs SET status = 'completed', rows_read = :read, rows_loaded = :loaded,
                rows_rejected = :rejected, rows_excluded_currency = :excluded, rows_per_second = :rate,
                finished_at = clock_timestamp() WHERE id = :id
                """)
                .param("read", read).param("loaded", loaded).param("rejected", rejected).param("excluded", excluded)
                .param("rate", Math.round(rowsPerSecond * 10) / 10.0).param("id", runId).update();
    }

    void fail(long runId, String error) {
        jdbc.sql("UPDATE import_runs SET status = 'failed', error = :error, finished_at = clock_timestamp() WHERE id = :id")
                .param("error", error).param("id", runId).update();
    }

    void saveRejects(long runId, List<Reject> rejects) {
        for (Reject reject : rejects) {
            jdbc.sql("INSERT INTO import_rejects (import_run_id, line_no, reason) VALUES (:run, :line, :reason)")
                    .param("run", runId).param("line", reject.lineNo()).param("reason", reject.reason()).update();
        }
    }

    void refreshCatalog(String sql, long runId) {
        jdbc.sql(sql).param("run", runId).update();
    }

    boolean hasHistory() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM import_runs WHERE status = 'completed' AND dataset = 'cot')")
                .query(Boolean.class).single();
    }
}
