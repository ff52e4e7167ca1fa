package cl.compraagil.licitacion.account;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.events.IdempotentConsumer;
import cl.compraagil.licitacion.profile.Compatibility;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Erases what an organization owned here when auth-service announces {@code organization.deleted}: its shared
 * company profile. Saved licitaciones and export counts belong to users, and go with {@code user.deleted}.
 */
@Component
class OrganizationDeletedListener {

    private final ObjectMapper mapper;
    private final IdempotentConsumer idempotent;
    private final Compatibility profiles;

    OrganizationDeletedListener(ObjectMapper mapper, IdempotentConsumer idempotent, Compatibility profiles) {
        this.mapper = mapper;
        this.idempotent = idempotent;
        this.profiles = profiles;
    }

    @KafkaListener(topics = "organization.deleted", groupId = "licitacion-service")
    @Transactional
    public void on(String message) {
        EventEnvelope event = EventEnvelope.parse(mapper, message);
        if (!idempotent.firstDelivery(event.id(), "licitacion-organization-deleted")) {
            return;
        }
        profiles.forgetOrganization(event.data().path("organization_id").asLong());
    }
}
