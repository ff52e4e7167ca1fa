package cl.compraagil.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.testkit.EmbeddedEngines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** What other services learn when an organization disappears or loses a member: the events in the outbox. */
class OrganizationDeletionIT extends AuthServiceTest {

    private void seats(long userId, int seats) {
        jdbc.sql("""
                INSERT INTO user_entitlements (user_id, plan, status, api_keys, organization_seats, changed_at)
                VALUES (:id, 'pyme', 'active', FALSE, :seats, now())
                ON CONFLICT (user_id) DO UPDATE SET organization_seats = EXCLUDED.organization_seats
                """).param("id", userId).param("seats", seats).update();
    }

    private long createOrganization(Registered owner, String name) throws Exception {
        return json(mvc.perform(post("/api/v1/organizations").header(HttpHeaders.AUTHORIZATION, bearer(owner.accessToken()))
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("name", name))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
    }

    /** Invites the user by email and accepts the invitation as them. */
    private void join(Registered owner, long organization, Registered user, String role) throws Exception {
        mvc.perform(post("/api/v1/organizations/" + organization + "/invitations")
                        .header(HttpHeaders.AUTHORIZATION, bearer(owner.accessToken())).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("email", user.email(), "role", role))))
                .andExpect(status().isCreated());
        String payload = jdbc.sql("""
                SELECT payload::text FROM outbox_events WHERE event_type = 'organization.invitation_created'
                  AND event_key = :key AND payload -> 'data' ->> 'email' = :email ORDER BY id DESC LIMIT 1
                """).param("key", Long.toString(organization)).param("email", user.email()).query(String.class).single();
        String url = json(payload).get("data").get("action_url").asString();
        mvc.perform(post("/api/v1/organizations/invitations/accept")
                        .header(HttpHeaders.AUTHORIZATION, bearer(user.accessToken())).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("token", url.substring(url.indexOf("token=") + 6)))))
                .andExpect(status().isOk());
    }

    private void deleteAccount(Registered user) throws Exception {
        mvc.perform(delete("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, bearer(user.accessToken())))
                .andExpect(status().isNoContent());
    }

    private long rows(String table, long organization) {
        String column = table.equals("organizations") ? "id" : "organization_id";
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = :org").param("org", organization)
                .query(Long.class).single();
    }

    @Test
    void deletingAnOwnersAccountAnnouncesEachOwnedOrganizationOnceAndNoneTheyOnlyBelongTo() throws Exception {
        Registered owner = newUser();
        seats(owner.id(), 5);
        long first = createOrganization(owner, "Ferretería Los Andes");
        long second = createOrganization(owner, "Ferretería Los Andes Sur");
        Registered member = newUser();
        join(owner, first, member, "member");
        Registered otherOwner = newUser();
        seats(otherOwner.id(), 5);
        long joined = createOrganization(otherOwner, "Constructora Vecina");
        join(otherOwner, joined, owner, "admin");
        // a pending invitation goes with its organization
        mvc.perform(post("/api/v1/organizations/" + second + "/invitations")
                        .header(HttpHeaders.AUTHORIZATION, bearer(owner.accessToken())).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("email", uniqueEmail(), "role", "viewer"))))
                .andExpect(status().isCreated());

        Instant before = Instant.now();
        deleteAccount(owner);

        for (long organization : new long[] {first, second}) {
            assertThat(outboxCount("organization.deleted", organization)).isEqualTo(1);
            JsonNode event = lastEvent("organization.deleted", organization);
            assertThat(event.get("type").asString()).isEqualTo("organization.deleted");
            JsonNode data = event.get("data");
            assertThat(List.copyOf(data.propertyNames()))
                    .containsExactlyInAnyOrder("organization_id", "owner_id", "deleted_at");
            assertThat(data.get("organization_id").asLong()).isEqualTo(organization);
            assertThat(data.get("owner_id").asLong()).isEqualTo(owner.id());
            assertThat(Instant.parse(data.get("deleted_at").asString())).isAfterOrEqualTo(before.minusSeconds(1));
            assertThat(rows("organizations", organization)).isZero();
            assertThat(rows("organization_members", organization)).isZero();
            assertThat(rows("organization_invitations", organization)).isZero();
        }
        assertThat(outboxCount("user.deleted", owner.id())).isEqualTo(1);
        // the organization they only belonged to stays, without them, and is not announced
        assertThat(outboxCount("organization.deleted", joined)).isZero();
        assertThat(rows("organizations", joined)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT user_id FROM organization_members WHERE organization_id = :org ORDER BY user_id")
                .param("org", joined).query(Long.class).list()).containsExactly(otherOwner.id());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'organization_deleted' AND actor_user_id = :id")
                .param("id", owner.id()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void deletingAMembersAccountAnnouncesNoOrganization() throws Exception {
        Registered owner = newUser();
        seats(owner.id(), 5);
        long organization = createOrganization(owner, "Pyme");
        Registered member = newUser();
        join(owner, organization, member, "member");

        deleteAccount(member);

        assertThat(outboxCount("organization.deleted", organization)).isZero();
        assertThat(rows("organizations", organization)).isEqualTo(1);
    }

    @Test
    void removingAMemberAndLeavingEachAnnounceTheMemberRemoved() throws Exception {
        Registered owner = newUser();
        seats(owner.id(), 5);
        long organization = createOrganization(owner, "Pyme");
        Registered removed = newUser();
        Registered leaving = newUser();
        join(owner, organization, removed, "member");
        join(owner, organization, leaving, "viewer");
        String members = "/api/v1/organizations/" + organization + "/members/";

        // a viewer may not remove anyone: nothing is announced
        mvc.perform(delete(members + removed.id()).header(HttpHeaders.AUTHORIZATION, bearer(leaving.accessToken())))
                .andExpect(status().isForbidden());
        assertThat(outboxCount("organization.member_removed", organization)).isZero();

        mvc.perform(delete(members + removed.id()).header(HttpHeaders.AUTHORIZATION, bearer(owner.accessToken())))
                .andExpect(status().isNoContent());
        mvc.perform(delete(members + leaving.id()).header(HttpHeaders.AUTHORIZATION, bearer(leaving.accessToken())))
                .andExpect(status().isNoContent());

        List<JsonNode> events = jdbc.sql("""
                SELECT payload::text FROM outbox_events WHERE event_type = 'organization.member_removed' AND event_key = :key
                ORDER BY id
                """).param("key", Long.toString(organization)).query(String.class).list().stream()
                .map(payload -> json(payload).get("data")).toList();
        assertThat(events).hasSize(2);
        assertThat(events).allSatisfy(data -> {
            assertThat(List.copyOf(data.propertyNames())).containsExactlyInAnyOrder("organization_id", "user_id");
            assertThat(data.get("organization_id").asLong()).isEqualTo(organization);
        });
        assertThat(events.stream().map(data -> data.get("user_id").asLong())).containsExactly(removed.id(), leaving.id());
    }

    @Test
    void organizationDeletedReachesKafkaKeyedByTheOrganization() throws Exception {
        Registered owner = newUser();
        long organization = createOrganization(owner, "Pyme");
        deleteAccount(owner);

        ConsumerRecord<String, String> record = awaitRecord("organization.deleted", Long.toString(organization)).orElseThrow();
        EventEnvelope envelope = EventEnvelope.parse(mapper, record.value());
        assertThat(envelope.type()).isEqualTo("organization.deleted");
        assertThat(envelope.version()).isEqualTo(1);
        assertThat(envelope.data().get("organization_id").asLong()).isEqualTo(organization);
        assertThat(envelope.data().get("owner_id").asLong()).isEqualTo(owner.id());
    }

    private Optional<ConsumerRecord<String, String>> awaitRecord(String topic, String key) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedEngines.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "contract-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return Optional.of(record);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
