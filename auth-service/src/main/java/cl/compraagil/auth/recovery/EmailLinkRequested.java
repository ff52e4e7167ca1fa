package cl.compraagil.auth.recovery;

/** Data of {@code user.email_verification_requested} and {@code user.password_reset_requested}. */
record EmailLinkRequested(long userId, String email, String fullName, String actionUrl) {
}
