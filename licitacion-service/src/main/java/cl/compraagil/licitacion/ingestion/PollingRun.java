package cl.compraagil.licitacion.ingestion;

import cl.compraagil.licitacion.catalog.CatalogQueue;
import cl.compraagil.licitacion.catalog.Opportunity;
import cl.compraagil.licitacion.catalog.OpportunityIngest;
import cl.compraagil.licitacion.mercadopublico.MercadoPublicoException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What every source's polling run shares: where listed and detailed opportunities go, the queue of those still
 * needing a detail, and the source's run record (its watermark on success, the reason on failure).
 */
@Component
class PollingRun {

    private static final Logger log = LoggerFactory.getLogger(PollingRun.class);

    private final OpportunityIngest ingest;
    private final CatalogQueue queue;
    private final IngestionState state;
    private final IngestionProperties properties;
    private final Clock clock;

    PollingRun(OpportunityIngest ingest, CatalogQueue queue, IngestionState state, IngestionProperties properties,
            Clock clock) {
        this.ingest = ingest;
        this.queue = queue;
        this.state = state;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Runs one poll of a source. The poll returns the watermark to keep (null keeps the previous one); a Mercado
     * Público failure is recorded as the source's last error and rethrown.
     */
    RunSummary record(String source, String label, Function<Tally, Instant> poll) {
        Tally tally = new Tally();
        try {
            state.succeeded(source, poll.apply(tally));
        } catch (MercadoPublicoException e) {
            log.warn("{} polling stopped ({}): {}", label, e.reason(), e.getMessage());
            state.failed(source, e.reason() + ": " + e.getMessage());
            throw e;
        }
        return tally.summary(source);
    }

    void listed(Tally tally, Opportunity item) {
        tally.listed(item.codigo(), ingest.ingest(item));
    }

    void detailed(Tally tally, Opportunity detail) {
        tally.detailed(ingest.ingest(detail));
    }

    Optional<Instant> watermark(String source) {
        return state.watermark(source);
    }

    Instant now() {
        return clock.instant();
    }

    CatalogQueue queue() {
        return queue;
    }

    IngestionProperties properties() {
        return properties;
    }
}
