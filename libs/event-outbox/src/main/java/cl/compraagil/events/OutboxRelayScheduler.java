package cl.compraagil.events;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Drives the relay on its own thread: drains while there is work, then waits one poll interval.
 * Runs with the application lifecycle so it stops before the datasource and Kafka producer close.
 */
public class OutboxRelayScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);

    private final OutboxRelay relay;
    private final OutboxProperties properties;
    private ScheduledExecutorService executor;
    private volatile long lastPurge = System.currentTimeMillis();

    public OutboxRelayScheduler(OutboxRelay relay, OutboxProperties properties) {
        this.relay = relay;
        this.properties = properties;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            int sent;
            do {
                sent = relay.relayBatch();
            } while (sent == properties.batchSize() && !Thread.currentThread().isInterrupted());
            if (System.currentTimeMillis() - lastPurge > TimeUnit.HOURS.toMillis(1)) {
                lastPurge = System.currentTimeMillis();
                relay.purgePublished();
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay tick failed, retrying next tick: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }
}
