package cl.compraagil.auth.account;

import cl.compraagil.auth.password.PasswordHasher;
import cl.compraagil.auth.password.PasswordPolicy;
import cl.compraagil.auth.recovery.EmailVerification;
import cl.compraagil.auth.user.NewUser;
import cl.compraagil.auth.user.Rut;
import cl.compraagil.auth.user.User;
import cl.compraagil.auth.user.UserRepository;
import cl.compraagil.events.OutboxWriter;
import cl.compraagil.problem.ApiProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens an account: the user row, {@code user.registered} and the verification email request commit together,
 * so subscription-service and notification-service learn of every account exactly when it exists.
 */
@Component
class Registration {

    static final String EVENT = "user.registered";

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final EmailVerification verification;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;

    Registration(UserRepository users, PasswordHasher hasher, PasswordPolicy policy, EmailVerification verification,
            OutboxWriter outbox, TransactionTemplate transactions) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.verification = verification;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    User register(RegistrationRequest request) {
        String email = request.email().trim();
        policy.check(request.password(), email);
        if (users.emailTaken(email)) {
            throw emailTaken();
        }
        String hash = hasher.hash(request.password());
        try {
            return transactions.execute(status -> {
                long id = users.insert(new NewUser(email, hash, request.fullName().trim(), blankToNull(request.companyName()),
                        request.rut() == null || request.rut().isBlank() ? null : Rut.normalize(request.rut()),
                        blankToNull(request.phone())));
                User user = users.findById(id).orElseThrow();
                outbox.append(EVENT, Long.toString(id), new UserRegistered(id, user.email(), user.fullName(),
                        user.companyName(), user.createdAt()));
                verification.send(user);
                return user;
            });
        } catch (DuplicateKeyException raced) {
            throw emailTaken();
        }
    }

    private static ApiProblem emailTaken() {
        return ApiProblem.conflict("email_taken", "Ya existe una cuenta con ese correo. Inicia sesión o recupera tu contraseña.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
