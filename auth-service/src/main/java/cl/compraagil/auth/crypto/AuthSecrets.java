package cl.compraagil.auth.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Secrets of auth-service, only ever read from environment variables. Blank values fall back to
 * development secrets in local runs; {@link SecretsGuard} refuses to start the prod and k8s profiles without them.
 *
 * @param keyEncryption encrypts the private signing keys at rest ({@code AUTH_KEY_ENCRYPTION_SECRET})
 * @param apiKeyHmac the HMAC key that hashes API keys ({@code AUTH_API_KEY_HMAC_SECRET})
 * @param telegramBotClient the credential the Telegram bot presents ({@code TELEGRAM_BOT_CLIENT_SECRET})
 */
@ConfigurationProperties("auth.secrets")
public record AuthSecrets(String keyEncryption, String apiKeyHmac, String telegramBotClient) {

    static final String DEVELOPMENT_PREFIX = "development-only-";

    public String keyEncryptionOrDevelopment() {
        return orDevelopment(keyEncryption, "key-encryption");
    }

    public String apiKeyHmacOrDevelopment() {
        return orDevelopment(apiKeyHmac, "api-key-hmac");
    }

    public String telegramBotClientOrDevelopment() {
        return orDevelopment(telegramBotClient, "telegram-bot-client");
    }

    private static String orDevelopment(String value, String name) {
        return value == null || value.isBlank() ? DEVELOPMENT_PREFIX + name : value;
    }
}
