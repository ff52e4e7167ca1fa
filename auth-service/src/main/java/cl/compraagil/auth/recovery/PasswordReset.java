package cl.compraagil.auth.recovery;

import cl.compraagil.auth.audit.AuditLog;
import cl.compraagil.auth.crypto.RandomTokens;
import cl.compraagil.auth.onetime.OneTimeTokens;
import cl.compraagil.auth.password.PasswordHasher;
import cl.compraagil.auth.password.PasswordPolicy;
import cl.compraagil.auth.token.RefreshTokens;
import cl.compraagil.auth.user.User;
import cl.compraagil.auth.user.UserRepository;
import cl.compraagil.auth.web.LinkProperties;
import cl.compraagil.events.OutboxWriter;
import cl.compraagil.problem.ApiProblem;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgotten passwords (OWASP Forgot Password Cheat Sheet): the same answer whether the account exists or not,
 * a single-use expiring link by email, nothing changes until the link is used, no automatic login afterwards,
 * and every session of the user ends.
 */
@Component
public class PasswordReset {

    public static final String EVENT = "user.password_reset_requested";

    private final OneTimeTokens tokens;
    private final OutboxWriter outbox;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final RefreshTokens refreshTokens;
    private final AuditLog audit;
    private final LinkProperties links;
    private final TransactionTemplate transactions;

    PasswordReset(OneTimeTokens tokens, OutboxWriter outbox, UserRepository users, PasswordHasher hasher,
            PasswordPolicy policy, RefreshTokens refreshTokens, AuditLog audit, LinkProperties links,
            TransactionTemplate transactions) {
        this.tokens = tokens;
        this.outbox = outbox;
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.refreshTokens = refreshTokens;
        this.audit = audit;
        this.links = links;
        this.transactions = transactions;
    }

    /** Sends a link only to an active account; the caller answers the same either way. */
    public void request(String email) {
        transactions.executeWithoutResult(status -> users.findByEmail(email.trim()).filter(User::active).ifPresent(user -> {
            String secret = RandomTokens.urlSafe(32);
            tokens.store(user.id(), OneTimeTokens.PASSWORD_RESET, secret, links.passwordResetLifetime());
            outbox.append(EVENT, Long.toString(user.id()), new EmailLinkRequested(user.id(), user.email(),
                    user.fullName(), links.link("/reset-password", secret)));
        }));
    }

    public void reset(String secret, String newPassword, String ip) {
        transactions.executeWithoutResult(status -> {
            long userId = tokens.consume(OneTimeTokens.PASSWORD_RESET, secret).orElseThrow(() -> ApiProblem.badRequest(
                    "invalid_token", "El enlace para restablecer la contraseña no es válido o expiró. Pide uno nuevo."));
            User user = users.findById(userId).orElseThrow(() -> ApiProblem.badRequest("invalid_token",
                    "El enlace para restablecer la contraseña no es válido o expiró. Pide uno nuevo."));
            policy.check(newPassword, user.email());
            users.changePassword(userId, hasher.hash(newPassword));
            // the link reached the user's mailbox, which also proves the address
            users.markVerified(userId);
            int revoked = refreshTokens.revokeAll(userId);
            audit.record("password_reset", userId, userId, null, ip, Map.of("sessions_revoked", revoked));
        });
    }
}
