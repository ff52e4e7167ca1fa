package cl.compraagil.ml.history.importer;

/** Published after new history was loaded, so models can retrain on it. */
public record HistoryImported(long rowsLoaded) {
}
