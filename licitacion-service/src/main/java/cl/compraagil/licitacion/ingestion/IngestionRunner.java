package cl.compraagil.licitacion.ingestion;

import cl.compraagil.licitacion.catalog.ClosingSweep;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** Runs one poll of a source, then the closing sweep, holding the source's cluster lock throughout. */
@Component
class IngestionRunner {

    private final CompraAgilPoller compraAgil;
    private final LicitacionesPoller licitaciones;
    private final ClosingSweep closingSweep;
    private final ClusterLock lock;

    IngestionRunner(CompraAgilPoller compraAgil, LicitacionesPoller licitaciones, ClosingSweep closingSweep,
            ClusterLock lock) {
        this.compraAgil = compraAgil;
        this.licitaciones = licitaciones;
        this.closingSweep = closingSweep;
        this.lock = lock;
    }

    /** @return the run's summary, or empty when another replica is polling this source right now */
    Optional<RunSummary> run(Source source) {
        AtomicReference<RunSummary> summary = new AtomicReference<>();
        boolean ran = lock.runExclusively("poll-" + source.name(), () -> {
            summary.set(source == Source.COMPRA_AGIL ? compraAgil.poll() : licitaciones.poll());
            lock.runExclusively("closing-sweep", closingSweep::sweep);
        });
        return ran ? Optional.of(summary.get()) : Optional.empty();
    }
}
