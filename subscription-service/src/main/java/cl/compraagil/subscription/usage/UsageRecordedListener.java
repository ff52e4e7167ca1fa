package cl.compraagil.subscription.usage;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.events.IdempotentConsumer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Counts each {@code usage.recorded} event from the gateway once, by its event id. An event carries how many
 * requests it stands for in {@code count} (the gateway sums a user's requests per resource and day); an event
 * without it stands for one.
 */
@Component
class UsageRecordedListener {

    private static final Logger log = LoggerFactory.getLogger(UsageRecordedListener.class);
    private static final Pattern RESOURCE = Pattern.compile("[a-z][a-z0-9_]{0,49}");
    /** More than the gateway can count for one user in one of its 100 ms sums: not a real event. */
    private static final int MAX_COUNT = 100_000;

    private final ObjectMapper mapper;
    private final IdempotentConsumer idempotency;
    private final UsageRepository usage;

    UsageRecordedListener(ObjectMapper mapper, IdempotentConsumer idempotency, UsageRepository usage) {
        this.mapper = mapper;
        this.idempotency = idempotency;
        this.usage = usage;
    }

    @KafkaListener(topics = "usage.recorded", groupId = "subscription-service")
    @Transactional
    public void onUsageRecorded(String json) {
        EventEnvelope event = EventEnvelope.parse(mapper, json);
        JsonNode data = event.data();
        String resource = data.path("resource").asString("");
        long userId = data.path("user_id").asLong(0);
        int times = data.path("count").asInt(1);
        LocalDate day;
        try {
            day = LocalDate.parse(data.path("day").asString(""));
        } catch (DateTimeParseException e) {
            log.warn("usage.recorded {} without a valid day is skipped", event.id());
            return;
        }
        if (userId <= 0 || !RESOURCE.matcher(resource).matches() || times < 1 || times > MAX_COUNT) {
            log.warn("usage.recorded {} with user {}, resource '{}' and count {} is skipped", event.id(), userId, resource,
                    times);
            return;
        }
        if (idempotency.firstDelivery(event.id(), "usage-tracking")) {
            usage.count(userId, resource, day, times);
        }
    }
}
