package cl.compraagil.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka in insertion order and marks them sent only once Kafka acknowledged them.
 * While Kafka is down rows simply stay unpublished and are retried on the next tick: events are delayed,
 * never lost. {@code FOR UPDATE SKIP LOCKED} lets several replicas relay without sending a row twice
 * at the same time (consumers still deduplicate, since delivery is at least once).
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate transactions;
    private final OutboxProperties properties;
    private final Counter published;
    private final Counter failures;

    public OutboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
            OutboxProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.transactions = transactions;
        this.properties = properties;
        this.published = meters.counter("outbox.events.published");
        this.failures = meters.counter("outbox.events.publish.failures");
        meters.gauge("outbox.events.pending", this, OutboxRelay::pending);
    }

    /** Sends one batch; returns how many events Kafka acknowledged. */
    public int relayBatch() {
        Integer sent = transactions.execute(status -> {
            List<PendingEvent> batch = jdbc.sql("""
                    SELECT id, event_type, event_key, payload::text AS payload
                    FROM outbox_events WHERE published_at IS NULL
                    ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED
                    """)
                    .param("limit", properties.batchSize())
                    .query((rs, n) -> new PendingEvent(rs.getLong("id"), rs.getString("event_type"),
                            rs.getString("event_key"), rs.getString("payload")))
                    .list();
            int count = 0;
            for (PendingEvent event : batch) {
                if (!send(event)) {
                    break;
                }
                jdbc.sql("UPDATE outbox_events SET published_at = now(), attempts = attempts + 1 WHERE id = :id")
                        .param("id", event.id()).update();
                count++;
            }
            return count;
        });
        return sent == null ? 0 : sent;
    }

    private boolean send(PendingEvent event) {
        try {
            kafka.send(new ProducerRecord<>(event.type(), event.key(), event.payload()))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            published.increment();
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            failures.increment();
            log.warn("Kafka did not accept outbox event {} ({}); it stays pending and is retried: {}",
                    event.id(), event.type(), e.getMessage());
            return false;
        }
    }

    /** Deletes events published longer ago than the retention, so the table stays small. */
    public int purgePublished() {
        return jdbc.sql("DELETE FROM outbox_events WHERE published_at < now() - make_interval(secs => :seconds)")
                .param("seconds", properties.retention().toSeconds())
                .update();
    }

    double pending() {
        try {
            return jdbc.sql("SELECT count(*) FROM outbox_events WHERE published_at IS NULL").query(Long.class).single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    record PendingEvent(long id, String type, String key, String payload) {
    }
}
