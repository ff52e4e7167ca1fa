package cl.compraagil.notification.account;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.notification.events.EventData;
import cl.compraagil.notification.events.EventHandler;
import cl.compraagil.notification.outbound.Channel;
import cl.compraagil.notification.outbound.OutboundMessage;
import cl.compraagil.notification.outbound.OutboundMessages;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Emails that carry one-time links (email verification, password reset, organization invitations). They are
 * sent by email only, never put in the inbox or logs, and their body is erased once sent.
 */
@Component
class AccountEmails implements EventHandler {

    private static final Map<String, String> ROLES = Map.of("owner", "propietario", "admin", "administrador",
            "member", "miembro", "viewer", "lector");

    private final OutboundMessages outbound;

    AccountEmails(OutboundMessages outbound) {
        this.outbound = outbound;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("user.email_verification_requested", "user.password_reset_requested", "organization.invitation_created");
    }

    @Override
    public void handle(EventEnvelope event) {
        JsonNode data = event.data();
        String email = EventData.text(data, "email");
        String link = EventData.text(data, "action_url");
        if (email == null || link == null) {
            throw new IllegalArgumentException(event.type() + " without email or action_url");
        }
        Long userId = EventData.number(data, "user_id");
        String hello = hello(EventData.text(data, "full_name"));
        String subject;
        String body;
        switch (event.type()) {
            case "user.email_verification_requested" -> {
                subject = "Confirma tu correo en Compra Ágil";
                body = hello + "Para activar tu cuenta, confirma tu correo con este enlace:\n\n" + link
                        + "\n\nEl enlace vence pronto y sirve una sola vez. Si no creaste una cuenta, ignora este correo.";
            }
            case "user.password_reset_requested" -> {
                subject = "Restablece tu contraseña de Compra Ágil";
                body = hello + "Recibimos una solicitud para restablecer tu contraseña. Hazlo con este enlace:\n\n" + link
                        + "\n\nEl enlace vence pronto y sirve una sola vez. Si no la pediste, ignora este correo: tu contraseña no cambia.";
            }
            default -> {
                String organization = String.valueOf(EventData.text(data, "organization_name"));
                String role = ROLES.getOrDefault(String.valueOf(EventData.text(data, "role")), "miembro");
                subject = "Te invitaron a " + organization + " en Compra Ágil";
                body = "Hola:\n\nTe invitaron a unirte a " + organization + " en Compra Ágil como " + role
                        + ". Acepta la invitación con este enlace:\n\n" + link
                        + "\n\nSi no esperabas esta invitación, ignora este correo.";
            }
        }
        outbound.enqueue(OutboundMessage.now(userId, Channel.EMAIL, email, subject,
                body + "\n\nEl equipo de Compra Ágil", "event:" + event.id() + ":email").asSensitive());
    }

    private static String hello(String fullName) {
        return fullName == null || fullName.isBlank() ? "Hola:\n\n" : "Hola " + fullName.trim().split("\\s+")[0] + ":\n\n";
    }
}
