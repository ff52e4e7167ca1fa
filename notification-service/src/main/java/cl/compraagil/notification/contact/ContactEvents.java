package cl.compraagil.notification.contact;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.notification.events.EventData;
import cl.compraagil.notification.events.EventHandler;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Learns how to reach users from auth-service's events (UserDeletions forgets them). */
@Component
class ContactEvents implements EventHandler {

    private final UserContacts contacts;

    ContactEvents(UserContacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("user.registered", "user.email_verification_requested", "user.password_reset_requested",
                "user.telegram_linked", "user.telegram_unlinked");
    }

    @Override
    public void handle(EventEnvelope event) {
        JsonNode data = event.data();
        long userId = EventData.userId(data);
        switch (event.type()) {
            case "user.registered" -> contacts.saveRegistered(userId, EventData.text(data, "email"),
                    EventData.text(data, "full_name"), EventData.text(data, "company_name"));
            case "user.email_verification_requested", "user.password_reset_requested" ->
                    contacts.saveEmail(userId, EventData.text(data, "email"), EventData.text(data, "full_name"));
            case "user.telegram_linked" -> {
                Long telegramId = EventData.number(data, "telegram_id");
                if (telegramId != null) {
                    contacts.linkTelegram(userId, telegramId);
                }
            }
            case "user.telegram_unlinked" -> contacts.unlinkTelegram(userId);
            default -> throw new IllegalStateException("unexpected event " + event.type());
        }
    }
}
