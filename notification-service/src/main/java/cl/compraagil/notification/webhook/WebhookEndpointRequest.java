package cl.compraagil.notification.webhook;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/** An endpoint to register or replace. An empty event list means every event type. */
record WebhookEndpointRequest(
        @NotBlank(message = "La URL es obligatoria.") @Size(max = 500, message = "La URL admite hasta 500 caracteres.") String url,
        @Size(max = 10, message = "Se admiten hasta 10 tipos de evento.") List<String> events,
        @Size(max = 200, message = "La descripción admite hasta 200 caracteres.") String description,
        Boolean active) {

    static final Set<String> EVENT_TYPES = Set.of("licitacion.new", "saved_licitacion.alert", "*");

    @AssertTrue(message = "Los tipos de evento válidos son licitacion.new, saved_licitacion.alert y *.")
    boolean isEventListKnown() {
        return events == null || EVENT_TYPES.containsAll(events);
    }

    List<String> eventsOrAll() {
        return events == null ? List.of() : events.stream().distinct().toList();
    }

    boolean activeOrDefault() {
        return active == null || active;
    }
}
