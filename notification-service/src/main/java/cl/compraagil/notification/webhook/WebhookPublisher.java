package cl.compraagil.notification.webhook;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Queues an event for every active endpoint of a user that subscribed to its type, in the caller's transaction.
 * The payload follows Standard Webhooks: {@code {type, timestamp, data}}.
 */
@Component
public class WebhookPublisher {

    private final JdbcClient jdbc;
    private final WebhookEndpointRepository endpoints;
    private final ObjectMapper mapper;
    private final Clock clock;

    WebhookPublisher(JdbcClient jdbc, WebhookEndpointRepository endpoints, ObjectMapper mapper, Clock clock) {
        this.jdbc = jdbc;
        this.endpoints = endpoints;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** @return how many endpoints the event was queued for */
    @Transactional(propagation = Propagation.MANDATORY)
    public int publish(long userId, String eventType, String dedupKey, Map<String, Object> data) {
        int queued = 0;
        for (WebhookEndpoint endpoint : endpoints.activeOfUser(userId)) {
            if (endpoint.wants(eventType)) {
                queued += enqueue(endpoint.id(), eventType, dedupKey, data) != null ? 1 : 0;
            }
        }
        return queued;
    }

    /** Queues one message for one endpoint; returns its webhook-id, or null when this (endpoint, dedup key) was already queued. */
    String enqueue(long endpointId, String eventType, String dedupKey, Map<String, Object> data) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", eventType);
        payload.put("timestamp", clock.instant().toString());
        payload.put("data", data);
        String msgId = newMessageId();
        int inserted = jdbc.sql("""
                INSERT INTO webhook_messages (endpoint_id, msg_id, event_type, payload, dedup_key)
                VALUES (:endpoint, :msgId, :type, CAST(:payload AS jsonb), :dedup)
                ON CONFLICT (endpoint_id, dedup_key) DO NOTHING
                """)
                .param("endpoint", endpointId).param("msgId", msgId).param("type", eventType)
                .param("payload", mapper.writeValueAsString(payload)).param("dedup", dedupKey)
                .update();
        return inserted == 1 ? msgId : null;
    }

    static String newMessageId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }
}
