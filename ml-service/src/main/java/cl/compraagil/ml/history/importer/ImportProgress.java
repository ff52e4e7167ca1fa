package cl.compraagil.ml.history.importer;

import cl.compraagil.ml.history.importer.ImportReport.Reject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts one file's rows while forwarding them to COPY, logs progress with rows/s and keeps the first rejects. */
final class ImportProgress implements RowOutput {

    private static final Logger log = LoggerFactory.getLogger(ImportProgress.class);
    private static final long PROGRESS_EVERY = 250_000;

    private final long runId;
    private final int maxStored;
    private final String fileName;
    private final long startNanos = System.nanoTime();
    private final List<Reject> stored = new ArrayList<>();
    private CopyRowWriter writer;
    private long read;
    private long loaded;
    private long rejected;
    private long excluded;

    ImportProgress(long runId, int maxStored, String fileName) {
        this.runId = runId;
        this.maxStored = maxStored;
        this.fileName = fileName;
    }

    void writeTo(CopyRowWriter copy) {
        this.writer = copy;
    }

    @Override
    public void row(long lineNo, Object... values) throws IOException {
        writer.write(runId, lineNo, values);
        loaded++;
    }

    @Override
    public void reject(long lineNo, String reason) {
        rejected++;
        if (stored.size() < maxStored) {
            stored.add(new Reject(lineNo, reason));
        }
    }

    @Override
    public void excludedCurrency() {
        excluded++;
    }

    void countRead() {
        read++;
        if (read % PROGRESS_EVERY == 0) {
            log.info("Importing {}: {} rows, {} rows/s, {} rejected", fileName, read,
                    Math.round(read / Math.max(seconds(), 1e-3)), rejected);
        }
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    long read() {
        return read;
    }

    long loaded() {
        return loaded;
    }

    long rejected() {
        return rejected;
    }

    long excluded() {
        return excluded;
    }

    List<Reject> stored() {
        return stored;
    }
}
