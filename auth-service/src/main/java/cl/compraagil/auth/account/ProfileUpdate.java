package cl.compraagil.auth.account;

import cl.compraagil.auth.user.ValidRut;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The only profile fields a user may change; absent fields stay as they are. Email, admin, verification and plan
 * are not here, so a body carrying them changes nothing (no mass assignment).
 */
record ProfileUpdate(
        @Size(min = 1, max = 255, message = "El nombre debe tener entre 1 y 255 caracteres.") String fullName,
        @Size(max = 255, message = "El nombre de la empresa es demasiado largo.") String companyName,
        @ValidRut String rut,
        @Pattern(regexp = "^\\+?[0-9 ()-]{7,20}$", message = "El teléfono no es válido (ej. +56 9 1234 5678).")
        String phone) {
}
