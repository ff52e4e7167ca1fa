package cl.compraagil.licitacion.saved;

import java.util.List;

/** A page of the caller's saved licitaciones. */
record SavedPage(List<SavedLicitacion> items, long total, String nextCursor) {
}
