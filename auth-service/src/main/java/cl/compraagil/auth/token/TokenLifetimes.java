package cl.compraagil.auth.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lifetimes of everything auth-service issues.
 *
 * @param access user access tokens (password, refresh)
 * @param refreshIdle a refresh token unused for this long dies
 * @param refreshAbsolute a login session (refresh-token family) never outlives this
 * @param apiKeyAccess internal tokens the gateway gets for an API key
 * @param telegramAccess tokens the Telegram bot gets for a linked chat
 */
@ConfigurationProperties("auth.tokens")
public record TokenLifetimes(
        @DefaultValue("15m") Duration access,
        @DefaultValue("7d") Duration refreshIdle,
        @DefaultValue("30d") Duration refreshAbsolute,
        @DefaultValue("60s") Duration apiKeyAccess,
        @DefaultValue("5m") Duration telegramAccess) {
}
