package cl.compraagil.notification.alert;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.notification.contact.Contact;
import cl.compraagil.notification.contact.UserContacts;
import cl.compraagil.notification.events.EventData;
import cl.compraagil.notification.events.EventHandler;
import cl.compraagil.notification.inbox.Inbox;
import cl.compraagil.notification.inbox.InboxEntry;
import cl.compraagil.notification.outbound.Channel;
import cl.compraagil.notification.outbound.ChileTime;
import cl.compraagil.notification.outbound.OutboundMessage;
import cl.compraagil.notification.outbound.OutboundMessages;
import cl.compraagil.notification.webhook.WebhookPublisher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Tells the owner of a saved licitación that it changed state or is about to close, on every channel they have. */
@Component
class SavedLicitacionEvents implements EventHandler {

    private final Inbox inbox;
    private final OutboundMessages outbound;
    private final WebhookPublisher webhooks;
    private final UserContacts contacts;
    private final AlertProperties properties;

    SavedLicitacionEvents(Inbox inbox, OutboundMessages outbound, WebhookPublisher webhooks, UserContacts contacts,
            AlertProperties properties) {
        this.inbox = inbox;
        this.outbound = outbound;
        this.webhooks = webhooks;
        this.contacts = contacts;
        this.properties = properties;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("saved_licitacion.alert");
    }

    @Override
    public void handle(EventEnvelope event) {
        JsonNode data = event.data();
        long userId = EventData.userId(data);
        String codigo = EventData.text(data, "codigo");
        String nombre = EventData.text(data, "nombre");
        String reason = EventData.text(data, "reason");
        String estado = EventData.text(data, "estado");
        String cierre = EventData.text(data, "fecha_cierre");
        String hours = EventData.text(data, "hours_to_close");
        String name = nombre == null ? codigo : nombre;
        String title;
        String detail;
        switch (reason == null ? "" : reason) {
            case "closing" -> {
                title = "Está por cerrar una licitación guardada: " + codigo;
                detail = name + ". Cierra " + (hours == null ? "" : "en " + hours + (hours.equals("1") ? " hora" : " horas")
                        + (cierre == null ? "" : ", ")) + chileTime(cierre) + ".";
            }
            case "segundo_llamado" -> {
                title = "Segundo llamado en una licitación guardada: " + codigo;
                detail = name + ". Se abrió un segundo llamado: las cotizaciones del primero no se traspasan, hay que"
                        + " cotizar de nuevo. Cierra " + chileTime(cierre) + ".";
            }
            default -> {
                title = "Cambió el estado de una licitación guardada: " + codigo;
                detail = name + ". Nuevo estado: " + (estado == null ? "desconocido" : estado.replace('_', ' ')) + ".";
            }
        }
        String url = properties.licitacionBaseUrl() + codigo;
        String key = "saved:" + event.id();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("codigo", codigo);
        payload.put("nombre", nombre);
        payload.put("reason", reason);
        payload.put("estado", estado);
        payload.put("previous_estado", EventData.text(data, "previous_estado"));
        payload.put("fecha_cierre", cierre);
        payload.put("convocatoria", EventData.number(data, "convocatoria"));
        payload.put("url", url);
        inbox.record(new InboxEntry(userId, "saved_licitacion", title, detail, payload, key));
        Optional<Contact> contact = contacts.find(userId);
        contact.ifPresent(c -> outbound.enqueue(OutboundMessage.now(userId, Channel.EMAIL, c.email(), title,
                (c.greetingName().isEmpty() ? "Hola:" : "Hola " + c.greetingName() + ":") + "\n\n" + detail
                        + "\n\nVer detalle: " + url + "\n\nEl equipo de Compra Ágil", key + ":email")));
        contact.filter(Contact::hasTelegram).ifPresent(c -> outbound.enqueue(OutboundMessage.now(userId, Channel.TELEGRAM,
                c.telegramId().toString(), title, "📌 " + title + "\n" + detail + "\n" + url, key + ":telegram")));
        webhooks.publish(userId, "saved_licitacion.alert", key, payload);
    }

    /** The closing instant as a Chilean user reads it: "el 28-11-2026 a las 12:00 (hora de Chile)". */
    private static String chileTime(String instant) {
        return instant == null ? "pronto" : ChileTime.at(instant);
    }
}
