package cl.compraagil.licitacion.catalog;

import cl.compraagil.licitacion.catalog.OpportunityStore.StoredOpportunity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Upserts an opportunity by codigo and, in the same transaction, tells the world what happened:
 * {@code licitacion.new} the first time a codigo is seen, {@code licitacion.updated} when something a
 * supplier cares about changed (estado, name, description, closing date, amount, call, products). A change of
 * estado or a second call is also raised in-process for the owners of saved licitaciones.
 */
@Service
public class OpportunityIngest {

    private final OpportunityStore store;
    private final CatalogEvents events;
    private final ApplicationEventPublisher publisher;

    OpportunityIngest(OpportunityStore store, CatalogEvents events, ApplicationEventPublisher publisher) {
        this.store = store;
        this.events = events;
        this.publisher = publisher;
    }

    @Transactional
    public IngestResult ingest(Opportunity opportunity) {
        Optional<StoredOpportunity> stored = store.lock(opportunity.codigo());
        if (stored.isEmpty()) {
            long id = store.insert(opportunity);
            events.publish(CatalogEvents.NEW, id, null, null, List.of());
            return IngestResult.created();
        }
        StoredOpportunity before = stored.get();
        List<String> changed = changedFields(before, opportunity);
        store.update(before.id(), opportunity);
        if (changed.isEmpty()) {
            return IngestResult.unchanged();
        }
        String previousEstado = changed.contains("estado") ? before.estado() : null;
        boolean secondCall = changed.contains("convocatoria") && opportunity.convocatoria() >= 2
                && (before.convocatoria() == null || before.convocatoria() < opportunity.convocatoria());
        events.publish(CatalogEvents.UPDATED, before.id(), previousEstado, null, changed);
        if (previousEstado != null || secondCall) {
            publisher.publishEvent(new OpportunityStateChanged(opportunity.codigo(), opportunity.nombre(),
                    opportunity.estado(), previousEstado, opportunity.convocatoria() != null
                            ? opportunity.convocatoria() : before.convocatoria(), secondCall,
                    opportunity.fechaCierre() != null ? opportunity.fechaCierre() : before.fechaCierre()));
        }
        return new IngestResult(IngestResult.Outcome.UPDATED, previousEstado, changed);
    }

    static List<String> changedFields(StoredOpportunity before, Opportunity after) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.estado(), after.estado())) {
            changed.add("estado");
        }
        if (!Objects.equals(before.nombre(), after.nombre())) {
            changed.add("nombre");
        }
        if (after.fechaCierre() != null && !after.fechaCierre().equals(before.fechaCierre())) {
            changed.add("fecha_cierre");
        }
        if (!OpportunityStore.sameAmount(before.montoEstimado(), after.montoEstimado())) {
            changed.add("monto_estimado");
        }
        if (after.convocatoria() != null && !after.convocatoria().equals(before.convocatoria())) {
            changed.add("convocatoria");
        }
        if (after.detailed()) {
            if (!Objects.equals(before.descripcion(), after.descripcion())) {
                changed.add("descripcion");
            }
            if (!before.itemsSignature().equals(OpportunityStore.itemsSignature(after.items()))) {
                changed.add("productos");
            }
        }
        return changed;
    }
}
