package cl.compraagil.licitacion.catalog;

import java.time.Instant;

/**
 * Raised inside the ingesting transaction when a known opportunity changes estado or opens a second call, so
 * features that follow opportunities (saved licitaciones) can write their own events in the same transaction.
 * {@code previousEstado} is null when only the call changed.
 */
public record OpportunityStateChanged(String codigo, String nombre, String estado, String previousEstado,
        Integer convocatoria, boolean secondCall, Instant fechaCierre) {
}
