package cl.compraagil.licitacion.saved;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/licitaciones/saved}. */
record SaveRequest(
        @NotBlank(message = "Indica el código de la licitación.")
        @Pattern(regexp = "[A-Za-z0-9-]{3,40}", message = "Código inválido.") String codigo,
        @Size(max = 1000, message = "La nota tiene máximo 1000 caracteres.") String nota) {
}
