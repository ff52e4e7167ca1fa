package cl.compraagil.auth.user;

import java.time.Instant;

/** The account as its owner (or an admin) sees it: everything but the password hash. */
public record UserView(long id, String email, String fullName, String companyName, String rut, String phone,
        Long telegramId, boolean isActive, boolean isVerified, boolean isAdmin, Instant createdAt,
        Instant updatedAt, Instant lastLogin) {

    public static UserView of(User user) {
        return new UserView(user.id(), user.email(), user.fullName(), user.companyName(), user.rut(), user.phone(),
                user.telegramId(), user.active(), user.verified(), user.admin(), user.createdAt(), user.updatedAt(),
                user.lastLogin());
    }
}
