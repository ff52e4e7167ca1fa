package cl.compraagil.ml.history.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scheduled import of new monthly files: an operator (or a download cron) drops the published zip/csv in
 * {@code ML_HISTORY_INBOX}; files newer than their last completed import are imported (and so replace it).
 */
@Component
class InboxImportJob {

    private static final Logger log = LoggerFactory.getLogger(InboxImportJob.class);

    private final HistoryImporter importer;
    private final HistoryProperties properties;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    InboxImportJob(HistoryImporter importer, HistoryProperties properties, JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.importer = importer;
        this.properties = properties;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Scheduled(fixedDelayString = "${ml.history.inbox-scan-interval:PT1H}", initialDelayString = "PT1M")
    void scan() {
        Path inbox = properties.inboxDir();
        if (inbox == null || !Files.isDirectory(inbox)) {
            return;
        }
        long loaded = 0;
        try (Stream<Path> files = Files.list(inbox)) {
            for (Path file : files.filter(InboxImportJob::isDataFile).sorted().toList()) {
                if (isNew(file)) {
                    for (ImportReport report : importer.importFile(file, null)) {
                        loaded += report.rowsLoaded();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Inbox import stopped: {}", e.getMessage());
        }
        if (loaded > 0) {
            events.publishEvent(new HistoryImported(loaded));
        }
    }

    private static boolean isDataFile(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return Files.isRegularFile(file) && (name.endsWith(".csv") || name.endsWith(".zip"));
    }

    private boolean isNew(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<java.sql.Timestamp> finished = jdbc.sql("""
                SELECT max(finished_at) FROM import_runs
                WHERE status = 'completed' AND (file_name = :name OR file_name LIKE :entries)
                """)
                .param("name", name).param("entries", name.replace("%", "\\%") + "!%")
                .query(java.sql.Timestamp.class).list();
        java.sql.Timestamp last = finished.isEmpty() ? null : finished.get(0);
        return last == null || Files.getLastModifiedTime(file).toInstant().isAfter(last.toInstant());
    }
}
