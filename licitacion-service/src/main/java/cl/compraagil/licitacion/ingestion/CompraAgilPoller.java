package cl.compraagil.licitacion.ingestion;

import cl.compraagil.licitacion.catalog.CatalogQueue;
import cl.compraagil.licitacion.catalog.Opportunity;
import cl.compraagil.licitacion.catalog.OpportunityIngest;
import cl.compraagil.licitacion.catalog.OpportunityType;
import cl.compraagil.licitacion.mercadopublico.CompraAgilClient;
import cl.compraagil.licitacion.mercadopublico.MercadoPublicoException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One Compra Ágil polling run: every page of processes changed since the last watermark (minus an overlap,
 * since the API's window compares Chile time loosely), then details of new, changed and never-detailed ones,
 * within the per-run detail allowance (a detail call takes up to 25 s).
 */
@Component
class CompraAgilPoller {

    static final String SOURCE = "compra_agil_v2";
    private static final Logger log = LoggerFactory.getLogger(CompraAgilPoller.class);

    private final CompraAgilClient client;
    private final OpportunityIngest ingest;
    private final CatalogQueue queue;
    private final IngestionState state;
    private final IngestionProperties properties;
    private final Clock clock;

    CompraAgilPoller(CompraAgilClient client, OpportunityIngest ingest, CatalogQueue queue, IngestionState state,
            IngestionProperties properties, Clock clock) {
        this.client = client;
        this.ingest = ingest;
        this.queue = queue;
        this.state = state;
        this.properties = properties;
        this.clock = clock;
    }

    RunSummary poll() {
        Instant now = clock.instant();
        Instant from = state.watermark(SOURCE).orElse(now.minus(properties.initialLookback()))
                .minus(properties.changeWindowOverlap());
        Tally tally = new Tally();
        try {
            CompraAgilClient.ListPage page;
            int number = 1;
            do {
                page = client.list(from, now, number);
                for (Opportunity item : page.items()) {
                    tally.listed(item.codigo(), ingest.ingest(item));
                }
                number++;
            } while (page.hasNext() && number <= properties.maxPages());
            fetchDetails(tally);
            state.succeeded(SOURCE, now);
        } catch (MercadoPublicoException e) {
            log.warn("Compra Ágil polling stopped ({}): {}", e.reason(), e.getMessage());
            state.failed(SOURCE, e.reason() + ": " + e.getMessage());
            throw e;
        }
        return tally.summary(SOURCE);
    }

    private void fetchDetails(Tally tally) {
        int allowance = properties.compraAgilDetailsPerRun();
        Set<String> codigos = new LinkedHashSet<>(tally.needDetail());
        codigos.addAll(queue.pendingDetails(OpportunityType.COMPRA_AGIL, allowance));
        for (String codigo : codigos.stream().limit(allowance).toList()) {
            try {
                tally.detailed(ingest.ingest(client.detail(codigo)));
            } catch (MercadoPublicoException e) {
                if (e.reason() != MercadoPublicoException.Reason.NOT_FOUND) {
                    throw e;
                }
                log.info("Compra Ágil {} has no detail (404); keeping the list data", codigo);
            }
        }
    }
}
