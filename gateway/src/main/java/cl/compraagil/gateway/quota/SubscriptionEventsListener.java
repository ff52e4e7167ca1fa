package cl.compraagil.gateway.quota;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the shared plan limits current: a {@code subscription.changed} event replaces a user's limits
 * (unless a newer change is stored), {@code user.deleted} forgets them. All instances share one consumer
 * group because they share the Redis copy.
 */
@Component
class SubscriptionEventsListener {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionEventsListener.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REDIS_WAIT = Duration.ofSeconds(5);

    private final PlanStore plans;

    SubscriptionEventsListener(PlanStore plans) {
        this.plans = plans;
    }

    @KafkaListener(topics = "subscription.changed", groupId = "gateway")
    void subscriptionChanged(String message) {
        PlanLimits limits = PlanLimits.from(data(message));
        Boolean stored = plans.save(limits).block(REDIS_WAIT);
        log.info("Plan of user {} is now {} (stored: {})", limits.userId(), limits.plan(), stored);
    }

    @KafkaListener(topics = "user.deleted", groupId = "gateway")
    void userDeleted(String message) {
        long userId = data(message).path("user_id").asLong();
        plans.forget(userId).block(REDIS_WAIT);
    }

    private static JsonNode data(String message) {
        return JSON.readTree(message).path("data");
    }
}
