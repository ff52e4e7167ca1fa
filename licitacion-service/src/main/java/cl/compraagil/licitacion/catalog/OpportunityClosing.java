package cl.compraagil.licitacion.catalog;

import java.time.Instant;

/** Raised inside the sweeping transaction when an open opportunity enters a closing-soon window. */
public record OpportunityClosing(String codigo, String nombre, String estado, Integer convocatoria, Instant fechaCierre,
        int hoursToClose) {
}
