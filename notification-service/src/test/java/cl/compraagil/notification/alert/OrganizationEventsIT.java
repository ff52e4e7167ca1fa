package cl.compraagil.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.notification.Fixtures;
import cl.compraagil.notification.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** organization.deleted and organization.member_removed turn organization rules into their creators' personal rules. */
class OrganizationEventsIT extends IntegrationTest {

    private static final AtomicLong ORGANIZATIONS = new AtomicLong(System.nanoTime() % 1_000_000 * 10);

    /** Creates a rule through the API, acting inside the organization when one is given. */
    private long rule(long userId, Long organizationId, String name) throws Exception {
        String token = organizationId == null ? tokens.user(userId) : tokens.member(userId, organizationId, "member");
        String body = mvc.perform(post("/api/v1/alerts").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(Fixtures.rule(name, "notebook", "\"inbox\"")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json(body).get("id").asLong();
    }

    private long member() {
        long userId = newUserId();
        grantPlan(userId, "pyme", null, false);
        return userId;
    }

    /** The rule's organization tag (null for a personal rule); fails if the rule is gone. */
    private Long organizationOf(long ruleId) {
        List<Map<String, Object>> rows = jdbc.sql("SELECT organization_id FROM alert_rules WHERE id = :id")
                .param("id", ruleId).query().listOfRows();
        assertThat(rows).as("rule %d still exists", ruleId).hasSize(1);
        Object organization = rows.get(0).get("organization_id");
        return organization == null ? null : ((Number) organization).longValue();
    }

    private void awaitProcessed(EventEnvelope event) {
        awaitRow("SELECT count(*) FROM processed_events WHERE event_id = '" + event.id() + "'");
    }

    private EventEnvelope organizationDeleted(UUID id, long organizationId) {
        return publish(id, "organization.deleted", Long.toString(organizationId),
                Map.of("organization_id", organizationId, "owner_id", 1, "deleted_at", "2026-11-26T05:00:00Z"));
    }

    @Test
    void deletedOrganizationsRulesStayWithTheirCreatorsAsPersonalRules() throws Exception {
        long deleted = ORGANIZATIONS.incrementAndGet();
        long other = ORGANIZATIONS.incrementAndGet();
        long ana = member();
        long bruno = member();
        long carla = member();
        long anaInside = rule(ana, deleted, "Notebooks de la pyme");
        long anaPersonal = rule(ana, null, "Mis notebooks");
        long brunoInside = rule(bruno, deleted, "Sillas de la pyme");
        long carlaElsewhere = rule(carla, other, "Otra pyme");
        long versionBefore = jdbc.sql("SELECT version FROM alert_rule_index_version").query(Long.class).single();

        awaitProcessed(organizationDeleted(UUID.randomUUID(), deleted));

        assertThat(organizationOf(anaInside)).isNull();
        assertThat(organizationOf(brunoInside)).isNull();
        assertThat(organizationOf(anaPersonal)).isNull();
        assertThat(organizationOf(carlaElsewhere)).isEqualTo(other);
        assertThat(jdbc.sql("SELECT version FROM alert_rule_index_version").query(Long.class).single())
                .isGreaterThan(versionBefore);
        // the rules still alert the people who made them, and they see them as their own
        assertThat(jdbc.sql("SELECT count(*) FROM alert_rules WHERE id IN (:a, :b) AND is_active")
                .param("a", anaInside).param("b", brunoInside).query(Long.class).single()).isEqualTo(2);
        mvc.perform(get("/api/v1/alerts").header("Authorization", bearer(ana)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[?(@.organization_id != null)]").isEmpty());
    }

    @Test
    void aRedeliveredOrganizationDeletedChangesNothing() throws Exception {
        long organization = ORGANIZATIONS.incrementAndGet();
        long ana = member();
        rule(ana, organization, "Antes");
        UUID id = UUID.randomUUID();
        awaitProcessed(organizationDeleted(id, organization));

        // a rule tagged after the first delivery shows whether the redelivery ran again; a later event on the same
        // key (so the same partition) is consumed after the redelivery and marks when to look
        long taggedLater = rule(ana, organization, "Después");
        organizationDeleted(id, organization);
        awaitProcessed(publish("organization.deleted", Long.toString(organization),
                Map.of("organization_id", ORGANIZATIONS.incrementAndGet(), "owner_id", 1)));

        assertThat(organizationOf(taggedLater)).isEqualTo(organization);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void removedMemberKeepsTheirRulesAsPersonalAndTheOthersKeepTheOrganization() throws Exception {
        long organization = ORGANIZATIONS.incrementAndGet();
        long elsewhere = ORGANIZATIONS.incrementAndGet();
        long ana = member();
        long bruno = member();
        long anaInside = rule(ana, organization, "Notebooks");
        long anaElsewhere = rule(ana, elsewhere, "Otra organización");
        long brunoInside = rule(bruno, organization, "Sillas");

        UUID id = UUID.randomUUID();
        awaitProcessed(publish(id, "organization.member_removed", Long.toString(organization),
                Map.of("organization_id", organization, "user_id", ana)));

        assertThat(organizationOf(anaInside)).isNull();
        assertThat(organizationOf(anaElsewhere)).isEqualTo(elsewhere);
        assertThat(organizationOf(brunoInside)).isEqualTo(organization);
    }
}
