package cl.compraagil.licitacion.entitlement;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.events.IdempotentConsumer;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Caches the limits of {@code subscription.changed} (a null limit means unlimited), once per event. */
@Component
class SubscriptionChangedListener {

    static final String TOPIC = "subscription.changed";

    private final ObjectMapper mapper;
    private final IdempotentConsumer idempotent;
    private final EntitlementStore store;

    SubscriptionChangedListener(ObjectMapper mapper, IdempotentConsumer idempotent, EntitlementStore store) {
        this.mapper = mapper;
        this.idempotent = idempotent;
        this.store = store;
    }

    @KafkaListener(topics = TOPIC, groupId = "licitacion-service")
    @Transactional
    public void on(String message) {
        EventEnvelope event = EventEnvelope.parse(mapper, message);
        if (!idempotent.firstDelivery(event.id(), "licitacion-entitlements")) {
            return;
        }
        JsonNode data = event.data();
        JsonNode limits = data.path("limits");
        Instant changedAt = data.hasNonNull("changed_at") ? Instant.parse(data.get("changed_at").asString())
                : event.occurredAt();
        store.save(data.path("user_id").asLong(), new PlanLimits(data.path("plan").asString("free"),
                data.path("status").asString("active"), limit(limits, "saved_licitaciones",
                PlanLimits.FREE.savedLicitaciones()), limit(limits, "exports_per_month",
                PlanLimits.FREE.exportsPerMonth())), changedAt);
    }

    /** Null means unlimited, as the event contract says (so does -1); an absent limit keeps the free plan's. */
    private static Integer limit(JsonNode limits, String name, Integer absent) {
        JsonNode value = limits.get(name);
        if (value == null) {
            return absent;
        }
        if (value.isNull() || !value.isNumber() || value.asInt() < 0) {
            return null;
        }
        return value.asInt();
    }
}
