package cl.compraagil.auth.user;

import cl.compraagil.security.AccessTokens;
import java.time.Instant;
import java.util.List;

/** An account as stored; the password hash never leaves auth-service's domain layer. */
public record User(long id, Long telegramId, String email, String hashedPassword, String fullName,
        String companyName, String rut, String phone, boolean active, boolean verified, boolean admin,
        Instant createdAt, Instant updatedAt, Instant lastLogin, Instant tokensValidAfter) {

    public List<String> roles() {
        return admin ? List.of(AccessTokens.ROLE_USER, AccessTokens.ROLE_ADMIN) : List.of(AccessTokens.ROLE_USER);
    }
}
