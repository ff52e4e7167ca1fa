package cl.compraagil.events;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records that a consumer handled an event, in the same transaction as the effect: a redelivered event
 * finds its row and is skipped, and a rolled-back effect leaves no row, so it is handled again.
 */
public class IdempotentConsumer {

    private final JdbcClient jdbc;

    public IdempotentConsumer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true the first time this consumer sees the event, false for every redelivery */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(UUID eventId, String consumer) {
        return jdbc.sql("""
                INSERT INTO processed_events (event_id, consumer, processed_at) VALUES (:id, :consumer, now())
                ON CONFLICT (event_id, consumer) DO NOTHING
                """)
                .param("id", eventId)
                .param("consumer", consumer)
                .update() == 1;
    }
}
