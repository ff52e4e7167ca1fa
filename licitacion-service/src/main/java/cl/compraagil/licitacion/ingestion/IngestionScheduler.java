package cl.compraagil.licitacion.ingestion;

import cl.compraagil.licitacion.catalog.ClosingProperties;
import cl.compraagil.licitacion.catalog.ClosingSweep;
import cl.compraagil.licitacion.mercadopublico.ChileTime;
import cl.compraagil.licitacion.mercadopublico.MercadoPublicoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Runs the polling jobs on their schedules (Chile time) and the closing sweep, each under a cluster-wide lock
 * so that only one replica polls. Without a ticket, the local feed is loaded once at start instead of polling.
 */
@Component
@EnableScheduling
class IngestionScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(IngestionScheduler.class);

    private final IngestionRunner runner;
    private final ClosingSweep closingSweep;
    private final ClusterLock lock;
    private final IngestionProperties properties;
    private final ClosingProperties closing;
    private final MercadoPublicoProperties mercadoPublico;
    private final LocalFeed localFeed;

    IngestionScheduler(IngestionRunner runner, ClosingSweep closingSweep, ClusterLock lock,
            IngestionProperties properties, ClosingProperties closing, MercadoPublicoProperties mercadoPublico,
            LocalFeed localFeed) {
        this.runner = runner;
        this.closingSweep = closingSweep;
        this.lock = lock;
        this.properties = properties;
        this.closing = closing;
        this.mercadoPublico = mercadoPublico;
        this.localFeed = localFeed;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadLocalFeed() {
        if (!mercadoPublico.hasTicket() && properties.localLoad()) {
            lock.runExclusively("local-feed", localFeed::load);
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!properties.enabled()) {
            return;
        }
        if (mercadoPublico.hasTicket()) {
            registrar.addTriggerTask(() -> quietly(() -> runner.run(Source.COMPRA_AGIL)),
                    new CronTrigger(properties.compraAgilCron(), ChileTime.ZONE));
            registrar.addTriggerTask(() -> quietly(() -> runner.run(Source.LICITACIONES)),
                    new CronTrigger(properties.licitacionesCron(), ChileTime.ZONE));
        }
        registrar.addFixedDelayTask(() -> quietly(() -> lock.runExclusively("closing-sweep", closingSweep::sweep)),
                closing.sweepInterval());
    }

    private static void quietly(Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            log.warn("Scheduled ingestion job failed; it runs again on its next tick: {}", e.getMessage());
        }
    }
}
