package cl.compraagil.auth.entitlement;

import cl.compraagil.auth.entitlement.Entitlements.Entitlement;
import cl.compraagil.events.EventEnvelope;
import cl.compraagil.events.IdempotentConsumer;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Caches the entitlements announced by subscription-service ({@code subscription.changed}). */
@Component
class SubscriptionChangedListener {

    static final String TOPIC = "subscription.changed";

    private final Entitlements entitlements;
    private final IdempotentConsumer idempotent;
    private final TransactionTemplate transactions;
    private final ObjectMapper mapper;

    SubscriptionChangedListener(Entitlements entitlements, IdempotentConsumer idempotent,
            TransactionTemplate transactions, ObjectMapper mapper) {
        this.entitlements = entitlements;
        this.idempotent = idempotent;
        this.transactions = transactions;
        this.mapper = mapper;
    }

    @KafkaListener(topics = TOPIC, groupId = "auth-service")
    void on(String message) {
        handle(EventEnvelope.parse(mapper, message));
    }

    void handle(EventEnvelope event) {
        JsonNode data = event.data();
        JsonNode seats = data.path("limits").path("organization_seats");
        Entitlement entitlement = new Entitlement(data.path("plan").asString("free"), data.path("status").asString("active"),
                data.path("features").path("api_keys").asBoolean(false),
                seats.isMissingNode() ? Integer.valueOf(Entitlements.DEFAULT_SEATS) : seats.isNull() ? null : seats.asInt());
        Instant changedAt = data.hasNonNull("changed_at") ? Instant.parse(data.get("changed_at").asString()) : event.occurredAt();
        long userId = data.path("user_id").asLong();
        transactions.executeWithoutResult(status -> {
            if (idempotent.firstDelivery(event.id(), "auth-entitlements")) {
                entitlements.upsert(userId, entitlement, changedAt);
            }
        });
    }
}
