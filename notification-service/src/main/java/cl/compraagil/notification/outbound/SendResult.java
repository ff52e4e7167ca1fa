package cl.compraagil.notification.outbound;

import java.time.Duration;

/** What a provider said about one send. */
sealed interface SendResult {

    record Sent(String providerId) implements SendResult {
    }

    /** A transient failure (timeout, 5xx, 429): retry, after {@code retryAfter} when the provider said so. */
    record Transient(String error, Duration retryAfter) implements SendResult {
    }

    /** A failure retrying cannot fix (bad address, 4xx). */
    record Permanent(String error) implements SendResult {
    }

    /** The Telegram user blocked the bot or deleted the chat. */
    record Unreachable(String error) implements SendResult {
    }
}
