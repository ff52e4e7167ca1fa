package cl.compraagil.auth.apikey;

import java.time.Instant;
import java.util.List;

/** An API key as its owner sees it in a list: never the key itself. */
public record ApiKey(long id, long userId, String prefix, String name, List<String> scopes, int rateLimitPerMinute,
        boolean isActive, Instant lastUsedAt, Instant expiresAt, Instant createdAt, Instant revokedAt) {

    boolean usableAt(Instant now) {
        return isActive && revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
