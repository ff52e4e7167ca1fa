package cl.compraagil.ml.bench;

import cl.compraagil.ml.history.generator.SyntheticHistoryGenerator;
import cl.compraagil.ml.history.importer.HistoryImporter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fills the benchmark's history up to a number of rows: generated COT months streamed straight into the real
 * importer through a pipe (no file written or read back), several months at a time, skipping the months an
 * earlier run already left in a kept database. The rows are those the importer makes of a generated file.
 */
final class BenchHistory {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    private final HistoryImporter importer;
    private final JdbcClient jdbc;
    private final SyntheticHistoryGenerator market;

    BenchHistory(HistoryImporter importer, JdbcClient jdbc, SyntheticHistoryGenerator market) {
        this.importer = importer;
        this.jdbc = jdbc;
        this.market = market;
    }

    /** Rows in cot_quotes as the import runs recorded them. */
    long rows() {
        return jdbc.sql("SELECT coalesce(sum(rows_loaded), 0) FROM import_runs WHERE dataset = 'cot' AND status = 'completed'")
                .query(Long.class).single();
    }

    /**
     * Imports months from {@code newest} back, skipping those already loaded, until the history holds
     * {@code target} rows.
     * @return the rows this call loaded
     */
    long fill(long target, YearMonth newest, int quotationsPerMonth, int threads) throws Exception {
        Set<String> loadedMonths = new HashSet<>(jdbc.sql(
                "SELECT period FROM import_runs WHERE dataset = 'cot' AND status = 'completed'").query(String.class).list());
        long added = 0;
        YearMonth cursor = newest.plusMonths(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            while (rows() < target) {
                long missing = target - rows();
                int perMonth = Math.max(1, (int) Math.min(Integer.MAX_VALUE, averageMonthRows(quotationsPerMonth)));
                int months = (int) Math.min(threads, (missing + perMonth - 1) / perMonth);
                List<Future<Long>> batch = new ArrayList<>();
                while (batch.size() < Math.max(1, months)) {
                    cursor = cursor.minusMonths(1);
                    if (loadedMonths.add(cursor.toString())) {
                        YearMonth month = cursor;
                        batch.add(pool.submit(() -> importMonth(month, quotationsPerMonth)));
                    }
                }
                for (Future<Long> month : batch) {
                    added += month.get();
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
        }
        return added;
    }

    private long averageMonthRows(int quotationsPerMonth) {
        Long average = jdbc.sql("SELECT avg(rows_loaded)::bigint FROM import_runs WHERE dataset = 'cot' AND status = 'completed'")
                .query(Long.class).optional().orElse(null);
        return average != null && average > 0 ? average : quotationsPerMonth * 4L;
    }

    /** One month generated on its own thread and imported from the other end of a pipe, as the file would be. */
    private long importMonth(YearMonth month, int quotations) throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 20);
        PipedOutputStream pipe = new PipedOutputStream(in);
        Thread writer = new Thread(() -> {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(pipe, CP1252), 1 << 16)) {
                market.forMonth(month).writeMonth(month, quotations, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // the importer then fails on a broken pipe
            }
        }, "bench-generate-" + month);
        writer.setDaemon(true);
        writer.start();
        try (in) {
            return importer.importStream(in, "COT_" + month + ".csv", month.toString()).rowsLoaded();
        }
    }
}
