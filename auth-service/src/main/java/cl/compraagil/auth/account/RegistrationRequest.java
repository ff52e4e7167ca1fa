package cl.compraagil.auth.account;

import cl.compraagil.auth.user.ValidRut;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a new supplier sends to open an account. Anything else in the body (is_admin, plan...) is ignored. */
record RegistrationRequest(
        @NotBlank(message = "El correo es obligatorio.") @Email(message = "El correo no es válido.")
        @Size(max = 255, message = "El correo es demasiado largo.") String email,
        @NotBlank(message = "La contraseña es obligatoria.")
        @Size(max = 128, message = "La contraseña no puede superar 128 caracteres.") String password,
        @NotBlank(message = "El nombre es obligatorio.") @Size(max = 255, message = "El nombre es demasiado largo.")
        String fullName,
        @Size(max = 255, message = "El nombre de la empresa es demasiado largo.") String companyName,
        @ValidRut String rut,
        @Pattern(regexp = "^\\+?[0-9 ()-]{7,20}$", message = "El teléfono no es válido (ej. +56 9 1234 5678).")
        String phone) {
}
