package cl.compraagil.gateway.quota;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes {@code usage.recorded} for every counted request. Sending happens on one background thread
 * with a bounded queue, so a slow or absent Kafka never blocks a request; the gateway has no database
 * for an outbox, and the daily counters that enforce quotas live in Redis, so a dropped usage event only
 * makes the monthly usage report lag (dropped events are counted in a metric).
 */
@Component
class UsageEvents implements DisposableBean {

    static final String TYPE = "usage.recorded";
    private static final Logger log = LoggerFactory.getLogger(UsageEvents.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaTemplate<String, String> kafka;
    private final Counter dropped;
    private final Counter failed;
    private final ThreadPoolExecutor sender;

    UsageEvents(KafkaTemplate<String, String> kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.dropped = meters.counter("gateway.usage.events.dropped");
        this.failed = meters.counter("gateway.usage.events.failed");
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                runnable -> {
                    Thread thread = new Thread(runnable, "usage-events");
                    thread.setDaemon(true);
                    return thread;
                }, (runnable, executor) -> dropped.increment());
    }

    void recorded(long userId, String resource, LocalDate day, UUID requestId) {
        String json = envelope(userId, resource, day, requestId);
        sender.execute(() -> kafka.send(TYPE, Long.toString(userId), json).whenComplete((result, failure) -> {
            if (failure != null) {
                failed.increment();
                log.warn("usage.recorded for user {} not published: {}", userId, failure.toString());
            }
        }));
    }

    static String envelope(long userId, String resource, LocalDate day, UUID requestId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", userId);
        data.put("resource", resource);
        data.put("day", day.toString());
        data.put("request_id", requestId.toString());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", TYPE);
        envelope.put("occurred_at", Instant.now().toString());
        envelope.put("version", 1);
        envelope.put("data", data);
        return JSON.writeValueAsString(envelope);
    }

    @Override
    public void destroy() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
    }
}
