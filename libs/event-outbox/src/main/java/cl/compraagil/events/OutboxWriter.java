package cl.compraagil.events;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Appends an event to the service's outbox table in the caller's transaction, so the state change and
 * its event commit (or roll back) together. The {@link OutboxRelay} publishes it later.
 */
public class OutboxWriter {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final Clock clock;

    public OutboxWriter(JdbcClient jdbc, ObjectMapper mapper, Clock clock) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** @param key the Kafka record key: events of one aggregate share it and stay in order */
    @Transactional(propagation = Propagation.MANDATORY)
    public EventEnvelope append(String type, String key, Object data) {
        JsonNode payload = mapper.valueToTree(data);
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), type, Instant.now(clock), 1, payload);
        jdbc.sql("""
                INSERT INTO outbox_events (event_id, event_type, event_key, payload, created_at)
                VALUES (:id, :type, :key, CAST(:payload AS jsonb), :createdAt)
                """)
                .param("id", event.id())
                .param("type", type)
                .param("key", key)
                .param("payload", event.toJson(mapper))
                .param("createdAt", java.sql.Timestamp.from(event.occurredAt()))
                .update();
        return event;
    }
}
