package cl.compraagil.licitacion.ingestion;

import cl.compraagil.licitacion.catalog.Opportunity;
import cl.compraagil.licitacion.catalog.OpportunityType;
import cl.compraagil.licitacion.mercadopublico.CompraAgilClient;
import cl.compraagil.licitacion.mercadopublico.MercadoPublicoException;
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
    private final PollingRun run;

    CompraAgilPoller(CompraAgilClient client, PollingRun run) {
        this.client = client;
        this.run = run;
    }

    RunSummary poll() {
        IngestionProperties properties = run.properties();
        Instant now = run.now();
        Instant from = run.watermark(SOURCE).orElse(now.minus(properties.initialLookback()))
                .minus(properties.changeWindowOverlap());
        return run.record(SOURCE, "Compra Ágil", tally -> {
            CompraAgilClient.ListPage page;
            int number = 1;
            do {
                page = client.list(from, now, number);
                for (Opportunity item : page.items()) {
                    run.listed(tally, item);
                }
                number++;
            } while (page.hasNext() && number <= properties.maxPages());
            fetchDetails(tally);
            return now;
        });
    }

    private void fetchDetails(Tally tally) {
        int allowance = run.properties().compraAgilDetailsPerRun();
        Set<String> codigos = new LinkedHashSet<>(tally.needDetail());
        codigos.addAll(run.queue().pendingDetails(OpportunityType.COMPRA_AGIL, allowance));
        for (String codigo : codigos.stream().limit(allowance).toList()) {
            try {
                run.detailed(tally, client.detail(codigo));
            } catch (MercadoPublicoException e) {
                if (e.reason() != MercadoPublicoException.Reason.NOT_FOUND) {
                    throw e;
                }
                log.info("Compra Ágil {} has no detail (404); keeping the list data", codigo);
            }
        }
    }
}
