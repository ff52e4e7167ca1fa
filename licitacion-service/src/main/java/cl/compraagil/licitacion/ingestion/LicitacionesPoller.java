package cl.compraagil.licitacion.ingestion;

import cl.compraagil.licitacion.catalog.CatalogQueue;
import cl.compraagil.licitacion.catalog.Opportunity;
import cl.compraagil.licitacion.catalog.OpportunityType;
import cl.compraagil.licitacion.mercadopublico.LicitacionesV1Client;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * One licitaciones (API v1) polling run: the open list ({@code estado=activas}), then details of new or changed
 * ones, of stored-as-open ones that left the list (their state changed) and of never-detailed ones, within the
 * per-run allowance that keeps the day under the 10 000-request quota.
 */
@Component
class LicitacionesPoller {

    static final String SOURCE = "licitaciones_v1";

    private final LicitacionesV1Client client;
    private final PollingRun run;

    LicitacionesPoller(LicitacionesV1Client client, PollingRun run) {
        this.client = client;
        this.run = run;
    }

    RunSummary poll() {
        return run.record(SOURCE, "Licitaciones", tally -> {
            List<Opportunity> open = client.activas();
            for (Opportunity item : open) {
                run.listed(tally, item);
            }
            int allowance = run.properties().licitacionesDetailsPerRun();
            CatalogQueue queue = run.queue();
            Set<String> codigos = new LinkedHashSet<>(tally.needDetail());
            codigos.addAll(queue.publishedOutside(OpportunityType.LICITACION,
                    open.stream().map(Opportunity::codigo).toList(), allowance));
            codigos.addAll(queue.pendingDetails(OpportunityType.LICITACION, allowance));
            for (String codigo : codigos.stream().limit(allowance).toList()) {
                client.detail(codigo).ifPresent(detail -> run.detailed(tally, detail));
            }
            return run.now();
        });
    }
}
