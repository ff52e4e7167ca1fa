package cl.compraagil.licitacion.catalog;

import java.time.Instant;

/**
 * Raised inside the ingesting transaction when a known opportunity changes estado, so features that
 * follow opportunities (saved licitaciones) can write their own events in the same transaction.
 */
public record OpportunityStateChanged(String codigo, String nombre, String estado, String previousEstado,
        Instant fechaCierre) {
}
