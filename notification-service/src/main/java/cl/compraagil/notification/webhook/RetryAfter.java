package cl.compraagil.notification.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads an HTTP {@code Retry-After} header: delay in seconds or an HTTP date. */
final class RetryAfter {

    private static final Duration MAX = Duration.ofHours(24);

    private RetryAfter() {
    }

    static Duration parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            try {
                wait = Duration.between(Instant.now(), ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
