package cl.compraagil.licitacion.catalog;

import java.util.List;

/** What an upsert did: inserted a new opportunity, changed a known one (and which fields), or nothing. */
public record IngestResult(Outcome outcome, String previousEstado, List<String> changedFields) {

    public enum Outcome { NEW, UPDATED, UNCHANGED }

    static IngestResult created() {
        return new IngestResult(Outcome.NEW, null, List.of());
    }

    static IngestResult unchanged() {
        return new IngestResult(Outcome.UNCHANGED, null, List.of());
    }
}
