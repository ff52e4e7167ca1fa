package cl.compraagil.notification.account;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.notification.contact.UserContacts;
import cl.compraagil.notification.events.EventData;
import cl.compraagil.notification.events.EventHandler;
import cl.compraagil.notification.inbox.Inbox;
import cl.compraagil.notification.inbox.InboxEntry;
import cl.compraagil.notification.outbound.Channel;
import cl.compraagil.notification.outbound.ChileTime;
import cl.compraagil.notification.outbound.OutboundMessage;
import cl.compraagil.notification.outbound.OutboundMessages;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Tells a user about their payments and subscription state, in the inbox and by email. */
@Component
class BillingNotices implements EventHandler {

    private final Inbox inbox;
    private final OutboundMessages outbound;
    private final UserContacts contacts;

    BillingNotices(Inbox inbox, OutboundMessages outbound, UserContacts contacts) {
        this.inbox = inbox;
        this.outbound = outbound;
        this.contacts = contacts;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("payment.failed", "payment.succeeded", "subscription.trial_will_end", "subscription.restricted");
    }

    @Override
    public void handle(EventEnvelope event) {
        JsonNode data = event.data();
        long userId = EventData.userId(data);
        String plan = planName(EventData.text(data, "plan"));
        String amount = amount(EventData.number(data, "amount"));
        String grace = EventData.text(data, "grace_until");
        String title;
        String body;
        switch (event.type()) {
            case "payment.failed" -> {
                title = "No pudimos procesar tu pago";
                body = "El cobro" + amount + " de tu plan " + plan + " fue rechazado. Actualiza tu medio de pago"
                        + (grace == null ? "" : " a más tardar " + ChileTime.at(grace)) + " para no perder el acceso.";
            }
            case "payment.succeeded" -> {
                title = "Recibimos tu pago";
                body = "Registramos el pago" + amount + " de tu plan " + plan + ". ¡Gracias por confiar en Compra Ágil!";
            }
            case "subscription.trial_will_end" -> {
                title = "Tu período de prueba está por terminar";
                body = "Tu prueba del plan " + plan + " termina pronto. Agrega un medio de pago para seguir usando todas sus funciones.";
            }
            default -> {
                title = "Tu cuenta quedó con acceso restringido";
                body = "No recibimos el pago de tu plan " + plan + ", así que limitamos tu acceso a las funciones del plan gratuito. "
                        + "Regulariza el pago para recuperarlas.";
            }
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        data.properties().forEach(field -> payload.put(field.getKey(), field.getValue().isNumber()
                ? field.getValue().numberValue() : field.getValue().isNull() ? null : field.getValue().asString("")));
        String key = "event:" + event.id();
        inbox.record(new InboxEntry(userId, event.type().replace('.', '_'), title, body, payload, key));
        contacts.find(userId).ifPresent(contact -> outbound.enqueue(OutboundMessage.now(userId, Channel.EMAIL, contact.email(),
                title, (contact.greetingName().isEmpty() ? "Hola:" : "Hola " + contact.greetingName() + ":") + "\n\n" + body
                        + "\n\nEl equipo de Compra Ágil", key + ":email")));
    }

    private static String planName(String plan) {
        if (plan == null || plan.isBlank()) {
            return "actual";
        }
        return Character.toUpperCase(plan.charAt(0)) + plan.substring(1);
    }

    private static String amount(Long amount) {
        return amount == null ? "" : " de $" + NumberFormat.getIntegerInstance(Locale.forLanguageTag("es-CL")).format(amount);
    }
}
