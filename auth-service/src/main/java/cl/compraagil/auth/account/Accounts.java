package cl.compraagil.auth.account;

import cl.compraagil.auth.user.Rut;
import cl.compraagil.auth.user.User;
import cl.compraagil.auth.user.UserRepository;
import cl.compraagil.auth.audit.AuditLog;
import cl.compraagil.auth.organization.OrganizationDeletions;
import cl.compraagil.auth.password.PasswordHasher;
import cl.compraagil.auth.password.PasswordPolicy;
import cl.compraagil.auth.token.RefreshTokens;
import cl.compraagil.events.OutboxWriter;
import cl.compraagil.problem.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** What a user does to their own account: profile, password, deletion. */
@Component
class Accounts {

    static final String DELETED = "user.deleted";

    record UserDeleted(long userId) {
    }

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final RefreshTokens refreshTokens;
    private final OutboxWriter outbox;
    private final AuditLog audit;
    private final OrganizationDeletions organizations;
    private final TransactionTemplate transactions;

    Accounts(UserRepository users, PasswordHasher hasher, PasswordPolicy policy, RefreshTokens refreshTokens,
            OutboxWriter outbox, AuditLog audit, OrganizationDeletions organizations, TransactionTemplate transactions) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.refreshTokens = refreshTokens;
        this.outbox = outbox;
        this.audit = audit;
        this.organizations = organizations;
        this.transactions = transactions;
    }

    User active(long id) {
        return users.findById(id).filter(User::active).orElseThrow(() -> ApiProblem.notFound("El usuario"));
    }

    User update(long id, ProfileUpdate update) {
        return transactions.execute(status -> {
            User user = active(id);
            users.updateProfile(id,
                    update.fullName() == null ? user.fullName() : update.fullName().trim(),
                    update.companyName() == null ? user.companyName() : blankToNull(update.companyName()),
                    update.rut() == null ? user.rut() : update.rut().isBlank() ? null : Rut.normalize(update.rut()),
                    update.phone() == null ? user.phone() : blankToNull(update.phone()));
            return users.findById(id).orElseThrow();
        });
    }

    /** A new password ends every session, including the caller's: the client logs in again. */
    void changePassword(long id, PasswordChange change, String ip) {
        User user = active(id);
        if (!hasher.matches(change.currentPassword(), user.hashedPassword())) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "wrong_password", "La contraseña actual no es correcta.");
        }
        policy.check(change.newPassword(), user.email());
        String hash = hasher.hash(change.newPassword());
        transactions.executeWithoutResult(status -> {
            users.changePassword(id, hash);
            int revoked = refreshTokens.revokeAll(id);
            audit.record("password_changed", id, id, null, ip, Map.of("sessions_revoked", revoked));
        });
    }

    /**
     * Deletes the account here; {@code user.deleted} makes every other service delete or anonymise its rows, and
     * {@code organization.deleted} does the same for each organization the user owned.
     */
    void delete(long id, String ip) {
        transactions.executeWithoutResult(status -> {
            active(id);
            organizations.deleteOwnedBy(id, ip);
            users.delete(id);
            outbox.append(DELETED, Long.toString(id), new UserDeleted(id));
            audit.record("account_deleted", id, id, null, ip, Map.of());
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
