package cl.compraagil.ml.winmodel;

import cl.compraagil.ml.history.importer.HistoryImported;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps a win model serving: loads the active version at start, retrains in the background when new
 * history arrives (one training at a time), and picks up versions other instances published.
 */
@Component
class ModelLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ModelLifecycle.class);

    private final ModelRegistry registry;
    private final WinModelTrainer trainer;
    private final ModelProperties properties;
    private final ReentrantLock training = new ReentrantLock();
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "win-model-training");
        thread.setDaemon(true);
        return thread;
    });

    ModelLifecycle(ModelRegistry registry, WinModelTrainer trainer, ModelProperties properties) {
        this.registry = registry;
        this.trainer = trainer;
        this.properties = properties;
    }

    @EventListener
    void onHistory(HistoryImported event) {
        registry.loadActive();
        if (properties.trainOnNewHistory() && (event.rowsLoaded() > 0 || registry.current().isEmpty())) {
            background.submit(this::trainQuietly);
        }
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void refresh() {
        registry.loadActive();
    }

    /** Trains and publishes now; empty when the history is too small or a training is already running. */
    Optional<String> trainNow() {
        if (!training.tryLock()) {
            return Optional.empty();
        }
        try {
            return trainer.train().map(registry::publish);
        } finally {
            training.unlock();
        }
    }

    private void trainQuietly() {
        try {
            trainNow().ifPresent(version -> log.info("Published win model {}", version));
        } catch (RuntimeException e) {
            log.warn("Win model training failed: {}", e.getMessage(), e);
        }
    }
}
