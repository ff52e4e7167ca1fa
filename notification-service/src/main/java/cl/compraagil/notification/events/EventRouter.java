package cl.compraagil.notification.events;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.events.IdempotentConsumer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The service's one Kafka listener: one consumer group subscribes to every topic some handler needs, so two
 * features reacting to the same event never split its partitions between them.
 */
@Component
public class EventRouter {

    static final String CONSUMER = "notification-service";
    private static final Logger log = LoggerFactory.getLogger(EventRouter.class);

    private final Map<String, List<EventHandler>> handlers = new LinkedHashMap<>();
    private final IdempotentConsumer idempotent;
    private final TransactionTemplate transactions;
    private final ObjectMapper mapper;

    public EventRouter(List<EventHandler> handlerBeans, IdempotentConsumer idempotent, TransactionTemplate transactions,
            ObjectMapper mapper) {
        this.idempotent = idempotent;
        this.transactions = transactions;
        this.mapper = mapper;
        for (EventHandler handler : handlerBeans) {
            handler.eventTypes().forEach(type -> handlers.computeIfAbsent(type, t -> new java.util.ArrayList<>()).add(handler));
        }
    }

    public String[] topics() {
        return handlers.keySet().toArray(String[]::new);
    }

    @KafkaListener(topics = "#{__listener.topics()}", groupId = "${spring.kafka.consumer.group-id:notification-service}")
    public void onEvent(String json) {
        EventEnvelope event;
        try {
            event = EventEnvelope.parse(mapper, json);
        } catch (RuntimeException malformed) {
            log.warn("Skipping a malformed event: {}", malformed.getMessage());
            return;
        }
        route(event);
    }

    /** Applies an event once: a redelivery finds the processed row and changes nothing. */
    public void route(EventEnvelope event) {
        List<EventHandler> targets = handlers.getOrDefault(event.type(), List.of());
        transactions.executeWithoutResult(status -> {
            if (!idempotent.firstDelivery(event.id(), CONSUMER)) {
                return;
            }
            for (EventHandler handler : targets) {
                handler.handle(event);
            }
        });
    }
}
