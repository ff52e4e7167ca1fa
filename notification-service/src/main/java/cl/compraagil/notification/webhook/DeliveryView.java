package cl.compraagil.notification.webhook;

import java.time.Instant;

/** One delivery attempt as its owner sees it in the log. */
record DeliveryView(long id, String messageId, String eventType, int attempt, Integer responseStatus, boolean success,
        int latencyMs, String responseBody, String error, Instant deliveredAt) {
}
