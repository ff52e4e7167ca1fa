package cl.compraagil.auth.account;

import java.time.Instant;

/** Data of {@code user.registered}. */
record UserRegistered(long userId, String email, String fullName, String companyName, Instant registeredAt) {
}
