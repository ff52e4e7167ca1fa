package cl.compraagil.ml.entitlements;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.events.IdempotentConsumer;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Caches each user's plan features from {@code subscription.changed} and forgets users on
 * {@code user.deleted}. Idempotent per event id; an older change never overwrites a newer one.
 */
@Component
class SubscriptionChangedListener {

    private final JdbcClient jdbc;
    private final IdempotentConsumer idempotent;
    private final ObjectMapper mapper;

    SubscriptionChangedListener(JdbcClient jdbc, IdempotentConsumer idempotent, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.idempotent = idempotent;
        this.mapper = mapper;
    }

    @KafkaListener(topics = "subscription.changed", groupId = "ml-service")
    @Transactional
    public void onSubscriptionChanged(String json) {
        EventEnvelope event = EventEnvelope.parse(mapper, json);
        if (!idempotent.firstDelivery(event.id(), "ml.subscription-changed")) {
            return;
        }
        JsonNode data = event.data();
        String changedAt = data.path("changed_at").asString(null);
        Instant changed = changedAt == null ? event.occurredAt() : Instant.parse(changedAt);
        jdbc.sql("""
                INSERT INTO user_entitlements (user_id, plan, status, features, limits, changed_at)
                VALUES (:user, :plan, :status, CAST(:features AS jsonb), CAST(:limits AS jsonb), :changed)
                ON CONFLICT (user_id) DO UPDATE SET plan = excluded.plan, status = excluded.status,
                    features = excluded.features, limits = excluded.limits, changed_at = excluded.changed_at
                WHERE user_entitlements.changed_at <= excluded.changed_at
                """)
                .param("user", data.path("user_id").asLong()).param("plan", data.path("plan").asString("free"))
                .param("status", data.path("status").asString("active"))
                .param("features", mapper.writeValueAsString(data.path("features")))
                .param("limits", mapper.writeValueAsString(data.path("limits")))
                .param("changed", Timestamp.from(changed)).update();
    }

    @KafkaListener(topics = "user.deleted", groupId = "ml-service")
    @Transactional
    public void onUserDeleted(String json) {
        EventEnvelope event = EventEnvelope.parse(mapper, json);
        if (!idempotent.firstDelivery(event.id(), "ml.user-deleted")) {
            return;
        }
        long user = event.data().path("user_id").asLong();
        for (String table : new String[] {"analysis_feedback", "analyses", "company_profiles", "user_entitlements"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE user_id = :user").param("user", user).update();
        }
    }
}
