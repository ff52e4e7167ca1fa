package cl.compraagil.auth.audit;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.events.IdempotentConsumer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes the admin actions other services announce ({@code audit.recorded}) into this service's audit log, so
 * admins query one trail. Idempotent per event id; the line keeps the time of the action and the sending service.
 */
@Component
class AuditEventsListener {

    static final String TOPIC = "audit.recorded";
    private static final Logger log = LoggerFactory.getLogger(AuditEventsListener.class);
    private static final Pattern ACTION = Pattern.compile("[a-z_]{1,60}");
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final AuditLog audit;
    private final IdempotentConsumer idempotent;
    private final TransactionTemplate transactions;
    private final ObjectMapper mapper;

    AuditEventsListener(AuditLog audit, IdempotentConsumer idempotent, TransactionTemplate transactions, ObjectMapper mapper) {
        this.audit = audit;
        this.idempotent = idempotent;
        this.transactions = transactions;
        this.mapper = mapper;
    }

    @KafkaListener(topics = TOPIC, groupId = "auth-service")
    void on(String message) {
        EventEnvelope event = EventEnvelope.parse(mapper, message);
        JsonNode data = event.data();
        String action = data.path("action").asString("");
        if (!ACTION.matcher(action).matches() || !data.path("actor_user_id").canConvertToLong()) {
            log.warn("audit.recorded {} without a valid action or actor is skipped", event.id());
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("service", data.path("service").asString("unknown"));
        if (data.path("details").isObject()) {
            details.putAll(mapper.convertValue(data.get("details"), DETAILS));
        }
        Long target = data.path("target_user_id").canConvertToLong() ? data.get("target_user_id").asLong() : null;
        String ip = data.hasNonNull("ip") ? truncate(data.get("ip").asString(), 64) : null;
        transactions.executeWithoutResult(status -> {
            if (idempotent.firstDelivery(event.id(), "auth-audit")) {
                audit.recordAt(event.occurredAt(), action, data.get("actor_user_id").asLong(), target, ip, details);
            }
        });
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
