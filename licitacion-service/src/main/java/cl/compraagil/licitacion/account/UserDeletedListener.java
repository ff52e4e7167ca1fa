package cl.compraagil.licitacion.account;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.events.IdempotentConsumer;
import cl.compraagil.licitacion.entitlement.Entitlements;
import cl.compraagil.licitacion.export.ExportQuota;
import cl.compraagil.licitacion.profile.Compatibility;
import cl.compraagil.licitacion.saved.SavedLicitaciones;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/** Erases what this service keeps about a user when auth-service announces {@code user.deleted}. */
@Component
class UserDeletedListener {

    private final ObjectMapper mapper;
    private final IdempotentConsumer idempotent;
    private final SavedLicitaciones saved;
    private final Compatibility profiles;
    private final Entitlements entitlements;
    private final ExportQuota exports;

    UserDeletedListener(ObjectMapper mapper, IdempotentConsumer idempotent, SavedLicitaciones saved,
            Compatibility profiles, Entitlements entitlements, ExportQuota exports) {
        this.mapper = mapper;
        this.idempotent = idempotent;
        this.saved = saved;
        this.profiles = profiles;
        this.entitlements = entitlements;
        this.exports = exports;
    }

    @KafkaListener(topics = "user.deleted", groupId = "licitacion-service")
    @Transactional
    public void on(String message) {
        EventEnvelope event = EventEnvelope.parse(mapper, message);
        if (!idempotent.firstDelivery(event.id(), "licitacion-user-deleted")) {
            return;
        }
        long userId = event.data().path("user_id").asLong();
        saved.forgetUser(userId);
        profiles.forgetUser(userId);
        entitlements.forgetUser(userId);
        exports.forgetUser(userId);
    }
}
