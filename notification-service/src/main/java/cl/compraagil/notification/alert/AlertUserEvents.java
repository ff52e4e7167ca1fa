package cl.compraagil.notification.alert;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.notification.events.EventData;
import cl.compraagil.notification.events.EventHandler;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Deletes a deleted user's alert rules (their matches go with them). */
@Component
class AlertUserEvents implements EventHandler {

    private final AlertRuleRepository rules;

    AlertUserEvents(AlertRuleRepository rules) {
        this.rules = rules;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("user.deleted");
    }

    @Override
    public void handle(EventEnvelope event) {
        rules.deleteAll(EventData.userId(event.data()));
    }
}
