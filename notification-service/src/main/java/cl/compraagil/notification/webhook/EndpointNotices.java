package cl.compraagil.notification.webhook;

import cl.compraagil.notification.contact.UserContacts;
import cl.compraagil.notification.inbox.Inbox;
import cl.compraagil.notification.inbox.InboxEntry;
import cl.compraagil.notification.outbound.Channel;
import cl.compraagil.notification.outbound.OutboundMessage;
import cl.compraagil.notification.outbound.OutboundMessages;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Tells an endpoint's owner, by inbox and email, that we stopped delivering to it and why. */
@Component
class EndpointNotices {

    private final Inbox inbox;
    private final OutboundMessages outbound;
    private final UserContacts contacts;

    EndpointNotices(Inbox inbox, OutboundMessages outbound, UserContacts contacts) {
        this.inbox = inbox;
        this.outbound = outbound;
        this.contacts = contacts;
    }

    void disabled(long userId, long endpointId, String url, String reason) {
        String why = "gone".equals(reason)
                ? "respondió 410 Gone, lo que indica que ya no quiere recibir eventos"
                : "falló en todos los intentos de entrega durante varios días";
        String title = "Desactivamos tu webhook";
        String body = "Tu endpoint de webhook " + url + " " + why + ", así que dejamos de enviarle eventos. "
                + "Cuando esté listo, vuelve a activarlo en la configuración de webhooks y reenvía los mensajes que necesites.";
        String dedup = "webhook-disabled:" + endpointId + ":" + System.currentTimeMillis() / 60_000;
        inbox.record(new InboxEntry(userId, "webhook_disabled", title, body, Map.of("endpoint_id", endpointId, "reason", reason), dedup));
        contacts.find(userId).ifPresent(contact -> outbound.enqueue(OutboundMessage.now(userId, Channel.EMAIL, contact.email(),
                title, greeting(contact.greetingName()) + body + "\n\nEl equipo de Compra Ágil", dedup + ":email")));
    }

    private static String greeting(String name) {
        return name.isEmpty() ? "Hola:\n\n" : "Hola " + name + ":\n\n";
    }
}
