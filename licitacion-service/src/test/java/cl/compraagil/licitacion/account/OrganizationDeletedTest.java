package cl.compraagil.licitacion.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cl.compraagil.licitacion.ServiceTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** organization.deleted arrives through the real broker, erases the organization's profile once and nothing else. */
class OrganizationDeletedTest extends ServiceTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    private void profile(String ownerType, long ownerId) {
        jdbc.sql("INSERT INTO company_profiles (owner_type, owner_id, nombre_empresa, tipo_negocio) "
                        + "VALUES (:type, :id, 'Ferretería', 'productos')")
                .param("type", ownerType).param("id", ownerId).update();
    }

    private long profiles(String ownerType, long ownerId) {
        return jdbc.sql("SELECT count(*) FROM company_profiles WHERE owner_type = :type AND owner_id = :id")
                .param("type", ownerType).param("id", ownerId).query(Long.class).single();
    }

    private boolean processed(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = :id").param("id", eventId)
                .query(Long.class).single() == 1;
    }

    /** Sends organization.deleted keyed by the organization, as auth-service's relay does. */
    private void organizationDeleted(UUID eventId, long organizationId) {
        organizationDeleted(eventId, organizationId, organizationId);
    }

    private void organizationDeleted(UUID eventId, long organizationId, long key) {
        kafka.send("organization.deleted", Long.toString(key), """
                {"id": "%s", "type": "organization.deleted", "occurred_at": "2026-11-26T05:00:00Z", "version": 1,
                 "data": {"organization_id": %d, "owner_id": 77, "deleted_at": "2026-11-26T05:00:00Z"}}"""
                .formatted(eventId, organizationId));
    }

    @Test
    void organizationDeletedErasesItsProfileAndLeavesOtherOwnersAlone() {
        profile("organization", 9101);
        profile("organization", 9102);
        profile("user", 9101);
        UUID eventId = UUID.randomUUID();

        organizationDeleted(eventId, 9101);

        await().atMost(Duration.ofSeconds(30)).until(() -> processed(eventId));
        assertThat(profiles("organization", 9101)).isZero();
        assertThat(profiles("organization", 9102)).isEqualTo(1);
        // a user whose id happens to equal the organization's keeps their own profile
        assertThat(profiles("user", 9101)).isEqualTo(1);
    }

    @Test
    void aRedeliveredOrganizationDeletedChangesNothing() {
        profile("organization", 9201);
        UUID eventId = UUID.randomUUID();
        organizationDeleted(eventId, 9201);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(eventId) && profiles("organization", 9201) == 0);

        // a row written after the first delivery shows whether the redelivery ran again; a later event on the
        // same key (so the same partition) is consumed after the redelivery and marks when to look
        profile("organization", 9201);
        organizationDeleted(eventId, 9201);
        UUID later = UUID.randomUUID();
        organizationDeleted(later, 9299, 9201);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(later));

        assertThat(profiles("organization", 9201)).isEqualTo(1);
    }
}
