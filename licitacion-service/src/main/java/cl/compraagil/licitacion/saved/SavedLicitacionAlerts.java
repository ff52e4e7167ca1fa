package cl.compraagil.licitacion.saved;

import cl.compraagil.events.OutboxWriter;
import cl.compraagil.licitacion.catalog.OpportunityClosing;
import cl.compraagil.licitacion.catalog.OpportunityStateChanged;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells each user who saved an opportunity that it changed state or is about to close, with
 * {@code saved_licitacion.alert}, written in the same transaction as the change that caused it.
 */
@Component
class SavedLicitacionAlerts {

    static final String TYPE = "saved_licitacion.alert";

    private final SavedStore store;
    private final OutboxWriter outbox;

    SavedLicitacionAlerts(SavedStore store, OutboxWriter outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    @EventListener
    void on(OpportunityStateChanged change) {
        for (long userId : store.followers(change.codigo())) {
            outbox.append(TYPE, Long.toString(userId), new Alert(userId, change.codigo(), change.nombre(),
                    "estado_changed", change.estado(), change.previousEstado(), change.fechaCierre(), null));
        }
    }

    @EventListener
    void on(OpportunityClosing closing) {
        for (long userId : store.followers(closing.codigo())) {
            outbox.append(TYPE, Long.toString(userId), new Alert(userId, closing.codigo(), closing.nombre(), "closing",
                    closing.estado(), null, closing.fechaCierre(), closing.hoursToClose()));
        }
    }

    /** The event's data; previous_estado only on state changes, hours_to_close only on closing alerts. */
    record Alert(long userId, String codigo, String nombre, String reason, String estado,
            @JsonInclude(JsonInclude.Include.NON_NULL) String previousEstado, Instant fechaCierre,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer hoursToClose) {
    }
}
