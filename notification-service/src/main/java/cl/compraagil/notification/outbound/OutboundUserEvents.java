package cl.compraagil.notification.outbound;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.notification.events.EventData;
import cl.compraagil.notification.events.EventHandler;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Forgets the queued and sent messages of a deleted user. */
@Component
class OutboundUserEvents implements EventHandler {

    private final OutboundMessages messages;

    OutboundUserEvents(OutboundMessages messages) {
        this.messages = messages;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("user.deleted");
    }

    @Override
    public void handle(EventEnvelope event) {
        messages.deleteAll(EventData.userId(event.data()));
    }
}
