package cl.compraagil.licitacion.ingestion;

import cl.compraagil.licitacion.catalog.CatalogQueue;
import cl.compraagil.licitacion.catalog.Opportunity;
import cl.compraagil.licitacion.catalog.OpportunityIngest;
import cl.compraagil.licitacion.catalog.OpportunityType;
import cl.compraagil.licitacion.mercadopublico.LicitacionesV1Client;
import cl.compraagil.licitacion.mercadopublico.MercadoPublicoException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One licitaciones (API v1) polling run: the open list ({@code estado=activas}), then details of new or changed
 * ones, of stored-as-open ones that left the list (their state changed) and of never-detailed ones, within the
 * per-run allowance that keeps the day under the 10 000-request quota.
 */
@Component
class LicitacionesPoller {

    static final String SOURCE = "licitaciones_v1";
    private static final Logger log = LoggerFactory.getLogger(LicitacionesPoller.class);

    private final LicitacionesV1Client client;
    private final OpportunityIngest ingest;
    private final CatalogQueue queue;
    private final IngestionState state;
    private final IngestionProperties properties;
    private final Clock clock;

    LicitacionesPoller(LicitacionesV1Client client, OpportunityIngest ingest, CatalogQueue queue, IngestionState state,
            IngestionProperties properties, Clock clock) {
        this.client = client;
        this.ingest = ingest;
        this.queue = queue;
        this.state = state;
        this.properties = properties;
        this.clock = clock;
    }

    RunSummary poll() {
        Tally tally = new Tally();
        try {
            List<Opportunity> open = client.activas();
            for (Opportunity item : open) {
                tally.listed(item.codigo(), ingest.ingest(item));
            }
            int allowance = properties.licitacionesDetailsPerRun();
            Set<String> codigos = new LinkedHashSet<>(tally.needDetail());
            codigos.addAll(queue.publishedOutside(OpportunityType.LICITACION,
                    open.stream().map(Opportunity::codigo).toList(), allowance));
            codigos.addAll(queue.pendingDetails(OpportunityType.LICITACION, allowance));
            for (String codigo : codigos.stream().limit(allowance).toList()) {
                client.detail(codigo).ifPresent(detail -> tally.detailed(ingest.ingest(detail)));
            }
            state.succeeded(SOURCE, clock.instant());
        } catch (MercadoPublicoException e) {
            log.warn("Licitaciones polling stopped ({}): {}", e.reason(), e.getMessage());
            state.failed(SOURCE, e.reason() + ": " + e.getMessage());
            throw e;
        }
        return tally.summary(SOURCE);
    }
}
