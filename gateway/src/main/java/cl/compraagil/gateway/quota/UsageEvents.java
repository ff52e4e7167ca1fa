package cl.compraagil.gateway.quota;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes {@code usage.recorded} for what counted requests used. A request only puts a small record in a
 * bounded queue; one background thread drains the queue every {@value #DRAIN_EVERY_MILLIS} ms, adds up what
 * each user used per resource and day, and sends one event per sum with its {@code count}, so a request neither
 * wakes a thread nor waits for Kafka, and a busy API-key client costs a few events per second, not one per
 * request. The gateway has no database for an outbox, and the daily counters that enforce quotas live in
 * Redis, so a dropped usage event only makes the monthly usage report lag (dropped events are counted in a
 * metric).
 */
@Component
class UsageEvents implements DisposableBean {

    static final String TYPE = "usage.recorded";
    private static final Logger log = LoggerFactory.getLogger(UsageEvents.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final long DRAIN_EVERY_MILLIS = 100;
    // 100 000 counted requests per second before records are dropped
    private static final int QUEUE_CAPACITY = 10_000;

    /** What one admitted request counted, as the request path hands it over. */
    private record Counted(long userId, List<String> resources, LocalDate day) {
    }

    /** One event's worth: a user's use of one resource on one Chile day within one drain. */
    private record Sum(long userId, String resource, LocalDate day) {
    }

    private final KafkaTemplate<String, String> kafka;
    private final Counter dropped;
    private final Counter failed;
    private final BlockingQueue<Counted> pending = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final ScheduledExecutorService sender;

    UsageEvents(KafkaTemplate<String, String> kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.dropped = meters.counter("gateway.usage.events.dropped");
        this.failed = meters.counter("gateway.usage.events.failed");
        this.sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "usage-events");
            thread.setDaemon(true);
            return thread;
        });
        sender.scheduleWithFixedDelay(this::drain, DRAIN_EVERY_MILLIS, DRAIN_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Records that one request used each of {@code resources} on {@code day}; never blocks. */
    void recorded(long userId, List<String> resources, LocalDate day) {
        if (!pending.offer(new Counted(userId, resources, day))) {
            dropped.increment(resources.size());
        }
    }

    private void drain() {
        List<Counted> batch = new ArrayList<>(Math.min(pending.size(), QUEUE_CAPACITY));
        pending.drainTo(batch);
        if (batch.isEmpty()) {
            return;
        }
        Map<Sum, Integer> sums = new LinkedHashMap<>();
        for (Counted counted : batch) {
            for (String resource : counted.resources()) {
                sums.merge(new Sum(counted.userId(), resource, counted.day()), 1, Integer::sum);
            }
        }
        Instant now = Instant.now();
        sums.forEach((sum, count) -> {
            try {
                send(sum, count, now);
            } catch (RuntimeException e) {
                // a Kafka client that cannot even take the record (no metadata within max.block.ms)
                failed.increment(count);
                log.warn("usage.recorded for user {} not published: {}", sum.userId(), e.toString());
            }
        });
    }

    private void send(Sum sum, int count, Instant occurredAt) {
        String json = envelope(sum.userId(), sum.resource(), sum.day(), count, occurredAt);
        kafka.send(TYPE, Long.toString(sum.userId()), json).whenComplete((result, failure) -> {
            if (failure != null) {
                failed.increment(count);
                log.warn("usage.recorded for user {} not published: {}", sum.userId(), failure.toString());
            }
        });
    }

    static String envelope(long userId, String resource, LocalDate day, int count, Instant occurredAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", userId);
        data.put("resource", resource);
        data.put("day", day.toString());
        data.put("count", count);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", TYPE);
        envelope.put("occurred_at", occurredAt.toString());
        envelope.put("version", 1);
        envelope.put("data", data);
        return JSON.writeValueAsString(envelope);
    }

    @Override
    public void destroy() throws InterruptedException {
        sender.shutdown();
        if (sender.awaitTermination(5, TimeUnit.SECONDS)) {
            drain();
        }
    }
}
