package cl.compraagil.auth.user;

/** The fields a registration stores. */
public record NewUser(String email, String hashedPassword, String fullName, String companyName, String rut,
        String phone) {
}
