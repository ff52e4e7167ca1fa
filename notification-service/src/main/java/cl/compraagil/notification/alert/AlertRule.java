package cl.compraagil.notification.alert;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/** A user's standing search: which opportunities to hear about, on which channels, and when. */
record AlertRule(
        long id,
        long userId,
        Long organizationId,
        String name,
        List<String> keywords,
        List<String> excludedKeywords,
        List<String> regions,
        List<String> organismos,
        List<String> unspscCodes,
        Long minAmount,
        Long maxAmount,
        String tipo,
        List<String> channels,
        LocalTime quietStart,
        LocalTime quietEnd,
        String timezone,
        int dailyCap,
        String delivery,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    static final String DIGEST = "daily_digest";

    boolean digest() {
        return DIGEST.equals(delivery);
    }

    QuietHours quietHours() {
        return new QuietHours(quietStart, quietEnd, java.time.ZoneId.of(timezone));
    }
}
