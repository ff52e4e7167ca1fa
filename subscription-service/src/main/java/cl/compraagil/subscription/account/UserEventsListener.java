package cl.compraagil.subscription.account;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.events.IdempotentConsumer;
import cl.compraagil.subscription.plan.PlanCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Follows the users auth-service owns: a registered user gets the free subscription exactly once; a deleted
 * user's subscription goes, and other features drop or anonymise their rows in the same transaction.
 */
@Component
class UserEventsListener {

    private static final Logger log = LoggerFactory.getLogger(UserEventsListener.class);

    private final ObjectMapper mapper;
    private final IdempotentConsumer idempotency;
    private final SubscriptionRepository subscriptions;
    private final SubscriptionChanges changes;
    private final PlanCatalog plans;
    private final ApplicationEventPublisher events;

    UserEventsListener(ObjectMapper mapper, IdempotentConsumer idempotency, SubscriptionRepository subscriptions,
            SubscriptionChanges changes, PlanCatalog plans, ApplicationEventPublisher events) {
        this.mapper = mapper;
        this.idempotency = idempotency;
        this.subscriptions = subscriptions;
        this.changes = changes;
        this.plans = plans;
        this.events = events;
    }

    @KafkaListener(topics = "user.registered", groupId = "subscription-service")
    @Transactional
    public void onUserRegistered(String json) {
        EventEnvelope event = EventEnvelope.parse(mapper, json);
        if (!idempotency.firstDelivery(event.id(), "free-subscription")) {
            return;
        }
        JsonNode data = event.data();
        long userId = data.path("user_id").asLong();
        BillingContact contact = new BillingContact(text(data, "email"), text(data, "full_name"), text(data, "company_name"));
        subscriptions.createFree(userId, plans.free(), contact).ifPresentOrElse(changes::announce,
                () -> log.info("User {} already has a subscription; user.registered {} changes nothing", userId, event.id()));
    }

    @KafkaListener(topics = "user.deleted", groupId = "subscription-service")
    @Transactional
    public void onUserDeleted(String json) {
        EventEnvelope event = EventEnvelope.parse(mapper, json);
        if (!idempotency.firstDelivery(event.id(), "user-deletion")) {
            return;
        }
        long userId = event.data().path("user_id").asLong();
        String stripeSubscription = subscriptions.byUserForUpdate(userId).map(Subscription::stripeSubscriptionId).orElse(null);
        events.publishEvent(new UserDeleted(userId, stripeSubscription));
        subscriptions.delete(userId);
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
