package cl.compraagil.licitacion.ingestion;

import cl.compraagil.licitacion.catalog.IngestResult;
import java.util.LinkedHashSet;
import java.util.Set;

/** Counts a run's outcomes and collects the codigos whose detail should be fetched. */
final class Tally {

    private int listed;
    private int created;
    private int updated;
    private int detailed;
    private final Set<String> needDetail = new LinkedHashSet<>();

    void listed(String codigo, IngestResult result) {
        listed++;
        count(result);
        if (result.outcome() != IngestResult.Outcome.UNCHANGED) {
            needDetail.add(codigo);
        }
    }

    void detailed(IngestResult result) {
        detailed++;
        count(result);
    }

    Set<String> needDetail() {
        return needDetail;
    }

    RunSummary summary(String source) {
        return new RunSummary(source, listed, created, updated, detailed);
    }

    private void count(IngestResult result) {
        if (result.outcome() == IngestResult.Outcome.NEW) {
            created++;
        } else if (result.outcome() == IngestResult.Outcome.UPDATED) {
            updated++;
        }
    }
}
