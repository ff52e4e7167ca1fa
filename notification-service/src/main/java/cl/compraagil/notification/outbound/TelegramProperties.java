package cl.compraagil.notification.outbound;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Telegram Bot API delivery; without {@code TELEGRAM_BOT_TOKEN} nothing is sent to Telegram. The pacing follows
 * the Bot FAQ: about one message per second per chat and thirty per second overall.
 */
@ConfigurationProperties("notification.telegram")
public record TelegramProperties(
        String botToken,
        @DefaultValue("https://api.telegram.org") URI baseUrl,
        @DefaultValue("1s") Duration perChatInterval,
        @DefaultValue("30") int messagesPerSecond,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    public boolean enabled() {
        return botToken != null && !botToken.isBlank();
    }
}
