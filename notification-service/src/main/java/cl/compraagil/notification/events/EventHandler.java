package cl.compraagil.notification.events;

import cl.compraagil.events.EventEnvelope;
import java.util.Set;

/**
 * A feature's reaction to Kafka events. The router calls every handler of an event type inside one
 * transaction, guarded once by the idempotent-consumer row, so an event's effects commit together.
 */
public interface EventHandler {

    Set<String> eventTypes();

    void handle(EventEnvelope event);
}
