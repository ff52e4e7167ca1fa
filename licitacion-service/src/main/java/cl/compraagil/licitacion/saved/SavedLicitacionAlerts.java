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
        String reason = change.secondCall() ? "segundo_llamado" : "estado_changed";
        for (long userId : store.followers(change.codigo())) {
            outbox.append(TYPE, Long.toString(userId), new Alert(userId, change.codigo(), change.nombre(), reason,
                    change.estado(), change.previousEstado(), change.convocatoria(), change.fechaCierre(), null));
        }
    }

    @EventListener
    void on(OpportunityClosing closing) {
        for (long userId : store.followers(closing.codigo())) {
            outbox.append(TYPE, Long.toString(userId), new Alert(userId, closing.codigo(), closing.nombre(), "closing",
                    closing.estado(), null, closing.convocatoria(), closing.fechaCierre(), closing.hoursToClose()));
        }
    }

    /**
     * The event's data; reason {@code estado_changed}, {@code segundo_llamado} (a Compra Ágil second call opened:
     * earlier quotes are not carried over) or {@code closing}; previous_estado only when the estado changed,
     * hours_to_close only on closing alerts.
     */
    record Alert(long userId, String codigo, String nombre, String reason, String estado,
            @JsonInclude(JsonInclude.Include.NON_NULL) String previousEstado,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer convocatoria, Instant fechaCierre,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer hoursToClose) {
    }
}
