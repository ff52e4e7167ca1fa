package cl.compraagil.auth.telegram;

import cl.compraagil.auth.crypto.AuthSecrets;
import cl.compraagil.auth.crypto.Digests;
import cl.compraagil.problem.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The Telegram bot's own client credential (TELEGRAM_BOT_CLIENT_SECRET), compared in constant time. */
@Component
class BotCredential {

    static final String HEADER = "X-Bot-Client-Secret";

    private final String secret;

    BotCredential(AuthSecrets secrets) {
        this.secret = secrets.telegramBotClientOrDevelopment();
    }

    void check(String presented) {
        if (!Digests.constantTimeEquals(secret, presented)) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid_client", "Credencial del bot inválida.");
        }
    }
}
