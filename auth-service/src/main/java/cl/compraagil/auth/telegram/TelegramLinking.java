package cl.compraagil.auth.telegram;

import cl.compraagil.auth.crypto.RandomTokens;
import cl.compraagil.auth.onetime.OneTimeTokens;
import cl.compraagil.auth.token.AccessTokenClaims;
import cl.compraagil.auth.token.AccessTokenIssuer;
import cl.compraagil.auth.token.TokenLifetimes;
import cl.compraagil.auth.token.TokenResponse;
import cl.compraagil.auth.user.User;
import cl.compraagil.auth.user.UserRepository;
import cl.compraagil.events.OutboxWriter;
import cl.compraagil.problem.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links a Telegram chat to an account with a one-time code the user types into the bot, and lets the bot act
 * for a linked chat with short-lived tokens.
 */
@Component
class TelegramLinking {

    static final String LINKED = "user.telegram_linked";
    static final String UNLINKED = "user.telegram_unlinked";
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    record LinkCode(String code, Instant expiresAt) {
    }

    record TelegramLinkChanged(long userId, long telegramId) {
    }

    private final OneTimeTokens tokens;
    private final UserRepository users;
    private final OutboxWriter outbox;
    private final AccessTokenIssuer issuer;
    private final TokenLifetimes lifetimes;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TelegramLinking(OneTimeTokens tokens, UserRepository users, OutboxWriter outbox, AccessTokenIssuer issuer,
            TokenLifetimes lifetimes, TransactionTemplate transactions, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.outbox = outbox;
        this.issuer = issuer;
        this.lifetimes = lifetimes;
        this.transactions = transactions;
        this.clock = clock;
    }

    LinkCode newCode(long userId) {
        String code = RandomTokens.readableCode(8);
        transactions.executeWithoutResult(status -> tokens.store(userId, OneTimeTokens.TELEGRAM_LINK, code, CODE_LIFETIME));
        return new LinkCode(code, clock.instant().plus(CODE_LIFETIME));
    }

    /** The bot confirms the code the user typed in the chat {@code telegramId}. */
    User link(String code, long telegramId) {
        return transactions.execute(status -> {
            long userId = tokens.consume(OneTimeTokens.TELEGRAM_LINK, code.trim().toUpperCase(java.util.Locale.ROOT))
                    .orElseThrow(() -> ApiProblem.badRequest("invalid_code",
                            "El código no es válido o expiró. Genera uno nuevo desde la aplicación."));
            users.findByTelegramId(telegramId).filter(other -> other.id() != userId).ifPresent(other -> {
                throw ApiProblem.conflict("telegram_already_linked",
                        "Este chat de Telegram ya está vinculado a otra cuenta. Desvincúlalo primero.");
            });
            User user = users.findById(userId).filter(User::active).orElseThrow(() -> ApiProblem.badRequest("invalid_code",
                    "El código no es válido o expiró. Genera uno nuevo desde la aplicación."));
            if (user.telegramId() != null && user.telegramId() != telegramId) {
                outbox.append(UNLINKED, Long.toString(userId), new TelegramLinkChanged(userId, user.telegramId()));
            }
            users.setTelegramId(userId, telegramId);
            outbox.append(LINKED, Long.toString(userId), new TelegramLinkChanged(userId, telegramId));
            return users.findById(userId).orElseThrow();
        });
    }

    /** Unlinks whatever chat the user has; unlinking twice is harmless. */
    void unlinkUser(long userId) {
        transactions.executeWithoutResult(status -> users.findById(userId).filter(user -> user.telegramId() != null)
                .ifPresent(this::unlink));
    }

    /** The bot reports the chat left (/stop or blocked bot). */
    void unlinkChat(long telegramId) {
        transactions.executeWithoutResult(status -> users.findByTelegramId(telegramId).ifPresent(this::unlink));
    }

    TokenResponse tokenFor(long telegramId) {
        User user = users.findByTelegramId(telegramId).filter(User::active).orElseThrow(() -> ApiProblem.notFound(
                "La cuenta vinculada a este chat"));
        String token = issuer.issue(new AccessTokenClaims(user.id(), user.email(), user.roles(), null, null, "telegram",
                Map.of(), lifetimes.telegramAccess()));
        return TokenResponse.bearer(token, null, lifetimes.telegramAccess());
    }

    private void unlink(User user) {
        users.setTelegramId(user.id(), null);
        outbox.append(UNLINKED, Long.toString(user.id()), new TelegramLinkChanged(user.id(), user.telegramId()));
    }
}
