package cl.compraagil.notification.webhook;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.notification.events.EventData;
import cl.compraagil.notification.events.EventHandler;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Removes a deleted user's endpoints; their messages and delivery log go with them (cascade). */
@Component
class WebhookUserEvents implements EventHandler {

    private final WebhookEndpointRepository endpoints;

    WebhookUserEvents(WebhookEndpointRepository endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("user.deleted");
    }

    @Override
    public void handle(EventEnvelope event) {
        endpoints.deleteAll(EventData.userId(event.data()));
    }
}
