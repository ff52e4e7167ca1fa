package cl.compraagil.auth.crypto;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Checks the secrets at start-up: production profiles refuse to start without them, local runs log loudly
 * that development secrets are in use.
 */
@Component
class SecretsGuard {

    private static final Logger log = LoggerFactory.getLogger(SecretsGuard.class);
    static final int MINIMUM_LENGTH = 32;

    SecretsGuard(AuthSecrets secrets, Environment environment) {
        List<String> missing = new ArrayList<>();
        check("AUTH_KEY_ENCRYPTION_SECRET", secrets.keyEncryption(), missing);
        check("AUTH_API_KEY_HMAC_SECRET", secrets.apiKeyHmac(), missing);
        check("TELEGRAM_BOT_CLIENT_SECRET", secrets.telegramBotClient(), missing);
        if (missing.isEmpty()) {
            return;
        }
        if (environment.acceptsProfiles(Profiles.of("prod", "k8s"))) {
            throw new IllegalStateException("auth-service refuses to start in production without " + missing
                    + " (at least " + MINIMUM_LENGTH + " random characters each)");
        }
        log.warn("DEVELOPMENT SECRETS IN USE for {}: fine for local runs, never for production", missing);
    }

    private static void check(String variable, String value, List<String> missing) {
        if (value == null || value.isBlank() || value.length() < MINIMUM_LENGTH) {
            missing.add(variable);
        }
    }
}
