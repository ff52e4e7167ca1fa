package cl.compraagil.licitacion.ingestion;

/** What one polling run did. */
record RunSummary(String source, int listed, int created, int updated, int detailed) {
}
