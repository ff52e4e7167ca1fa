package cl.compraagil.notification.inbox;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.notification.events.EventData;
import cl.compraagil.notification.events.EventHandler;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Welcomes each new user with one inbox message. */
@Component
class InboxEvents implements EventHandler {

    private final Inbox inbox;

    InboxEvents(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("user.registered");
    }

    @Override
    public void handle(EventEnvelope event) {
        long userId = EventData.userId(event.data());
        String name = EventData.text(event.data(), "full_name");
        String greeting = name == null || name.isBlank() ? "¡Bienvenido a Compra Ágil!" : "¡Bienvenido a Compra Ágil, " + name.trim() + "!";
        inbox.record(new InboxEntry(userId, "welcome", greeting,
                "Tu cuenta está lista. Crea una alerta para recibir las nuevas oportunidades de Compra Ágil y licitaciones "
                        + "que calcen con tu negocio, y guarda las que te interesen para seguir sus plazos.",
                Map.of(), "welcome"));
    }
}
