package cl.compraagil.auth.login;

import cl.compraagil.auth.audit.AuditLog;
import cl.compraagil.auth.password.PasswordHasher;
import cl.compraagil.auth.throttle.LoginThrottle;
import cl.compraagil.auth.token.Sessions;
import cl.compraagil.auth.token.TokenResponse;
import cl.compraagil.auth.user.User;
import cl.compraagil.auth.user.UserRepository;
import cl.compraagil.problem.ApiProblem;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a username and password and opens a session. Unknown account, wrong password and deactivated account
 * get the same answer after the same amount of hashing; failures feed the brute-force throttle.
 */
@Component
class Authenticator {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Sessions sessions;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    Authenticator(UserRepository users, PasswordHasher hasher, LoginThrottle throttle, Sessions sessions,
            AuditLog audit, TransactionTemplate transactions) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
        this.audit = audit;
        this.transactions = transactions;
    }

    TokenResponse login(String username, String password, String ip) {
        throttle.checkAllowed(username, ip);
        Optional<User> found = users.findByEmail(username.trim());
        boolean matches = hasher.matches(password, found.map(User::hashedPassword).orElse(null));
        if (!matches || !found.get().active()) {
            var lock = throttle.failed(username, ip);
            transactions.executeWithoutResult(status -> audit.record("login_failed", null,
                    found.map(User::id).orElse(null), null, ip,
                    lock.isZero() ? Map.of() : Map.of("locked_seconds", lock.toSeconds())));
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid_credentials",
                    "Correo o contraseña incorrectos.").withHeader("WWW-Authenticate", "Bearer");
        }
        throttle.succeeded(username);
        User user = found.get();
        return transactions.execute(status -> {
            users.recordLogin(user.id());
            if (hasher.needsRehash(user.hashedPassword())) {
                users.rehash(user.id(), hasher.hash(password));
            }
            return sessions.start(user);
        });
    }
}
