package cl.compraagil.auth.recovery;

import cl.compraagil.auth.crypto.RandomTokens;
import cl.compraagil.auth.onetime.OneTimeTokens;
import cl.compraagil.auth.user.User;
import cl.compraagil.auth.user.UserRepository;
import cl.compraagil.auth.web.LinkProperties;
import cl.compraagil.events.OutboxWriter;
import cl.compraagil.problem.ApiProblem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Proves a user owns their email: a single-use link sent through notification-service. */
@Component
public class EmailVerification {

    public static final String EVENT = "user.email_verification_requested";

    private final OneTimeTokens tokens;
    private final OutboxWriter outbox;
    private final UserRepository users;
    private final LinkProperties links;

    EmailVerification(OneTimeTokens tokens, OutboxWriter outbox, UserRepository users, LinkProperties links) {
        this.tokens = tokens;
        this.outbox = outbox;
        this.users = users;
        this.links = links;
    }

    /** Issues a new link (the previous one stops working) in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(User user) {
        String secret = RandomTokens.urlSafe(32);
        tokens.store(user.id(), OneTimeTokens.EMAIL_VERIFICATION, secret, links.emailVerificationLifetime());
        outbox.append(EVENT, Long.toString(user.id()), new EmailLinkRequested(user.id(), user.email(), user.fullName(),
                links.link("/verify-email", secret)));
    }

    @Transactional
    public void confirm(String secret) {
        long userId = tokens.consume(OneTimeTokens.EMAIL_VERIFICATION, secret).orElseThrow(() -> ApiProblem.badRequest(
                "invalid_token", "El enlace de verificación no es válido o expiró. Pide uno nuevo."));
        users.markVerified(userId);
    }
}
