package cl.compraagil.licitacion.ingestion;

/** The Mercado Público feeds this service polls. */
enum Source {
    COMPRA_AGIL,
    LICITACIONES
}
