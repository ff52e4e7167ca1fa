package cl.compraagil.subscription.account;

/** Who receives billing emails, copied from {@code user.registered} (auth-service owns the user). */
public record BillingContact(String email, String fullName, String companyName) {
}
