package cl.compraagil.ml.history.importer;

import cl.compraagil.ml.history.generator.SyntheticHistoryGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * On a fresh database, generates and imports a modest synthetic history in the background so a local suite
 * answers price and probability questions right away. Real imports later replace nothing of it: synthetic
 * files have their own names.
 */
@Component
class HistoryBootstrap {

    private static final Logger log = LoggerFactory.getLogger(HistoryBootstrap.class);

    private final HistoryImporter importer;
    private final ImportRuns runs;
    private final HistoryProperties properties;
    private final ApplicationEventPublisher events;

    HistoryBootstrap(HistoryImporter importer, ImportRuns runs, HistoryProperties properties,
            ApplicationEventPublisher events) {
        this.importer = importer;
        this.runs = runs;
        this.properties = properties;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!properties.bootstrapWhenEmpty()) {
            events.publishEvent(new HistoryImported(0));
            return;
        }
        Thread worker = new Thread(this::bootstrapIfEmpty, "history-bootstrap");
        worker.setDaemon(true);
        worker.start();
    }

    void bootstrapIfEmpty() {
        try {
            if (!runs.hasHistory()) {
                long loaded = generateAndImport();
                log.info("Bootstrapped {} synthetic quotation rows", loaded);
                events.publishEvent(new HistoryImported(loaded));
            } else {
                events.publishEvent(new HistoryImported(0));
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not bootstrap synthetic history: {}", e.getMessage());
        }
    }

    private long generateAndImport() throws IOException {
        Path folder = Files.createTempDirectory("ml-history-");
        try {
            YearMonth first = YearMonth.now().minusMonths(properties.bootstrapMonths());
            List<Path> files = new SyntheticHistoryGenerator(42).writeMonths(folder, first,
                    properties.bootstrapMonths(), properties.bootstrapQuotationsPerMonth());
            long loaded = 0;
            for (Path file : files) {
                for (ImportReport report : importer.importFile(file, null)) {
                    loaded += report.rowsLoaded();
                }
            }
            return loaded;
        } finally {
            FileSystemUtils.deleteRecursively(folder);
        }
    }
}
