package cl.compraagil.auth.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record PasswordChange(
        @NotBlank(message = "Falta la contraseña actual.") @Size(max = 1024) String currentPassword,
        @NotBlank(message = "Falta la nueva contraseña.") @Size(max = 1024) String newPassword) {
}
