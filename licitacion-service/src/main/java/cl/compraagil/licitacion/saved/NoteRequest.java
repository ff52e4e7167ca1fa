package cl.compraagil.licitacion.saved;

import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /api/v1/licitaciones/saved/{codigo}}; a null or blank note clears it. */
record NoteRequest(@Size(max = 1000, message = "La nota tiene máximo 1000 caracteres.") String nota) {
}
