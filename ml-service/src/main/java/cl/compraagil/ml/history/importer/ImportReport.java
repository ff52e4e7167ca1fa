package cl.compraagil.ml.history.importer;

import java.util.List;

/** What one import of one file did: counts, speed and the first rejected lines with their reasons. */
public record ImportReport(
        long runId,
        String dataset,
        String period,
        String fileName,
        long rowsRead,
        long rowsLoaded,
        long rowsRejected,
        long rowsExcludedCurrency,
        long replacedRuns,
        double seconds,
        double rowsPerSecond,
        List<Reject> rejects) {

    public record Reject(long lineNo, String reason) {
    }
}
