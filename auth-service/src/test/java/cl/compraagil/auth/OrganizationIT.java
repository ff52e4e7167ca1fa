package cl.compraagil.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** Organizations, invitations, roles and tenant isolation. */
class OrganizationIT extends AuthServiceTest {

    private void seats(long userId, Integer seats) {
        jdbc.sql("""
                INSERT INTO user_entitlements (user_id, plan, status, api_keys, organization_seats, changed_at)
                VALUES (:id, 'pyme', 'active', FALSE, :seats, now())
                ON CONFLICT (user_id) DO UPDATE SET organization_seats = EXCLUDED.organization_seats
                """).param("id", userId).param("seats", seats).update();
    }

    private long createOrganization(Registered owner, String name) throws Exception {
        return json(mvc.perform(post("/api/v1/organizations").header(HttpHeaders.AUTHORIZATION, bearer(owner.accessToken()))
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("name", name))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.role").value("owner"))
                .andReturn().getResponse().getContentAsString()).get("id").asLong();
    }

    private ResultActions invite(Registered actor, long organization, String email, String role) throws Exception {
        return mvc.perform(post("/api/v1/organizations/" + organization + "/invitations")
                .header(HttpHeaders.AUTHORIZATION, bearer(actor.accessToken())).contentType(MediaType.APPLICATION_JSON)
                .content(body(Map.of("email", email, "role", role))));
    }

    private String invitationToken(long organization, String email) {
        String payload = jdbc.sql("""
                SELECT payload::text FROM outbox_events WHERE event_type = 'organization.invitation_created'
                  AND event_key = :key AND payload -> 'data' ->> 'email' = :email ORDER BY id DESC LIMIT 1
                """).param("key", Long.toString(organization)).param("email", email).query(String.class).single();
        String url = json(payload).get("data").get("action_url").asString();
        return url.substring(url.indexOf("token=") + 6);
    }

    private ResultActions accept(Registered user, String token) throws Exception {
        return mvc.perform(post("/api/v1/organizations/invitations/accept")
                .header(HttpHeaders.AUTHORIZATION, bearer(user.accessToken())).contentType(MediaType.APPLICATION_JSON)
                .content(body(Map.of("token", token))));
    }

    /** Owner with a 5-seat plan, plus a member who joined by invitation. */
    private record Tenant(Registered owner, Registered member, long organization) {
    }

    private Tenant tenant(String role) throws Exception {
        Registered owner = newUser();
        seats(owner.id(), 5);
        long organization = createOrganization(owner, "Pyme " + owner.id());
        Registered member = newUser();
        invite(owner, organization, member.email(), role).andExpect(status().isCreated());
        accept(member, invitationToken(organization, member.email())).andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value(role));
        return new Tenant(owner, member, organization);
    }

    @Test
    void invitationIsEmailedAcceptedOnceAndListsTheNewMember() throws Exception {
        Registered owner = newUser();
        seats(owner.id(), 3);
        long organization = createOrganization(owner, "Ferretería Los Andes");
        Registered bruno = newUser();
        invite(owner, organization, bruno.email(), "member").andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(bruno.email())).andExpect(jsonPath("$.token_hash").doesNotExist());
        JsonNode event = json(jdbc.sql("""
                SELECT payload::text FROM outbox_events WHERE event_type = 'organization.invitation_created'
                  AND event_key = :key ORDER BY id DESC LIMIT 1
                """).param("key", Long.toString(organization)).query(String.class).single()).get("data");
        assertThat(event.get("organization_id").asLong()).isEqualTo(organization);
        assertThat(event.get("organization_name").asString()).isEqualTo("Ferretería Los Andes");
        assertThat(event.get("role").asString()).isEqualTo("member");
        assertThat(event.get("action_url").asString()).startsWith("http://localhost:8080/invitations/accept?token=");

        String token = invitationToken(organization, bruno.email());
        accept(bruno, token).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(organization));
        accept(bruno, token).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organizations/" + organization + "/members")
                        .header(HttpHeaders.AUTHORIZATION, bearer(bruno.accessToken())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].user_id").value(bruno.id())).andExpect(jsonPath("$[1].role").value("member"));
    }

    @Test
    void invitationForAnotherEmailCannotBeAccepted() throws Exception {
        Registered owner = newUser();
        seats(owner.id(), 3);
        long organization = createOrganization(owner, "Pyme");
        Registered bruno = newUser();
        Registered intruder = newUser();
        invite(owner, organization, bruno.email(), "admin").andExpect(status().isCreated());
        accept(intruder, invitationToken(organization, bruno.email())).andExpect(status().isNotFound());
    }

    @Test
    void planSeatsAreEnforcedOnAccept() throws Exception {
        Registered owner = newUser();
        long organization = createOrganization(owner, "Pyme de un puesto");
        Registered bruno = newUser();
        invite(owner, organization, bruno.email(), "member").andExpect(status().isCreated());
        accept(bruno, invitationToken(organization, bruno.email())).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("seats_exhausted")).andExpect(jsonPath("$.limit").value(1));
    }

    @Test
    void rolesDecideWhoInvitesAndWhoChangesRoles() throws Exception {
        Tenant tenant = tenant("viewer");
        invite(tenant.member(), tenant.organization(), uniqueEmail(), "viewer").andExpect(status().isForbidden());
        mvc.perform(patch("/api/v1/organizations/" + tenant.organization() + "/members/" + tenant.member().id())
                        .header(HttpHeaders.AUTHORIZATION, bearer(tenant.owner().accessToken()))
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("role", "admin"))))
                .andExpect(status().isNoContent());
        // the new admin may invite, but cannot demote the owner nor appoint admins
        invite(tenant.member(), tenant.organization(), uniqueEmail(), "member").andExpect(status().isCreated());
        invite(tenant.member(), tenant.organization(), uniqueEmail(), "admin").andExpect(status().isForbidden());
        mvc.perform(patch("/api/v1/organizations/" + tenant.organization() + "/members/" + tenant.owner().id())
                        .header(HttpHeaders.AUTHORIZATION, bearer(tenant.member().accessToken()))
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("role", "viewer"))))
                .andExpect(status().isForbidden());
        mvc.perform(patch("/api/v1/organizations/" + tenant.organization() + "/members/" + tenant.member().id())
                        .header(HttpHeaders.AUTHORIZATION, bearer(tenant.owner().accessToken()))
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("role", "owner"))))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'organization_role_changed' AND organization_id = :o")
                .param("o", tenant.organization()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anotherTenantsOrganizationIsNotFoundEverywhere() throws Exception {
        Tenant a = tenant("member");
        Tenant b = tenant("member");
        String orgA = "/api/v1/organizations/" + a.organization();
        for (Registered outsider : new Registered[] {b.owner(), b.member()}) {
            String auth = bearer(outsider.accessToken());
            mvc.perform(get(orgA).header(HttpHeaders.AUTHORIZATION, auth)).andExpect(status().isNotFound());
            mvc.perform(get(orgA + "/members").header(HttpHeaders.AUTHORIZATION, auth)).andExpect(status().isNotFound());
            mvc.perform(get(orgA + "/invitations").header(HttpHeaders.AUTHORIZATION, auth)).andExpect(status().isNotFound());
            invite(outsider, a.organization(), outsider.email(), "admin").andExpect(status().isNotFound());
            mvc.perform(patch(orgA + "/members/" + a.member().id()).header(HttpHeaders.AUTHORIZATION, auth)
                    .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("role", "viewer"))))
                    .andExpect(status().isNotFound());
            mvc.perform(delete(orgA + "/members/" + a.member().id()).header(HttpHeaders.AUTHORIZATION, auth))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/auth/switch-organization").header(HttpHeaders.AUTHORIZATION, auth)
                    .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("organization_id", a.organization()))))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/organizations").header(HttpHeaders.AUTHORIZATION, auth))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                    .andExpect(jsonPath("$[0].id").value(b.organization()));
        }
        // a member of A asking about B's member through A's path: not a member of A → 404
        mvc.perform(delete(orgA + "/members/" + b.member().id()).header(HttpHeaders.AUTHORIZATION, bearer(a.owner().accessToken())))
                .andExpect(status().isNotFound());
    }

    @Test
    void tokenCarriesTheActiveOrganizationAndSwitchChangesIt() throws Exception {
        Tenant tenant = tenant("member");
        JsonNode tokens = login(tenant.member().email(), PASSWORD);
        JWTClaimsSet claims = SignedJWT.parse(tokens.get("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getLongClaim("org")).isEqualTo(tenant.organization());
        assertThat(claims.getStringClaim("org_role")).isEqualTo("member");

        JsonNode none = json(mvc.perform(post("/api/v1/auth/switch-organization")
                        .header(HttpHeaders.AUTHORIZATION, bearer(tokens.get("access_token").asString()))
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(SignedJWT.parse(none.get("access_token").asString()).getJWTClaimsSet().getClaim("org")).isNull();

        JsonNode back = json(mvc.perform(post("/api/v1/auth/switch-organization")
                        .header(HttpHeaders.AUTHORIZATION, bearer(none.get("access_token").asString()))
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("organization_id", tenant.organization()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        // the refresh of that session keeps the organization
        JsonNode refreshed = json(mvc.perform(post("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("refresh_token", back.get("refresh_token").asString()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(SignedJWT.parse(refreshed.get("access_token").asString()).getJWTClaimsSet().getLongClaim("org"))
                .isEqualTo(tenant.organization());
    }

    @Test
    void removedMemberLosesTheOrganizationAndAMemberMayLeave() throws Exception {
        Tenant tenant = tenant("viewer");
        mvc.perform(delete("/api/v1/organizations/" + tenant.organization() + "/members/" + tenant.owner().id())
                        .header(HttpHeaders.AUTHORIZATION, bearer(tenant.member().accessToken())))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/organizations/" + tenant.organization() + "/members/" + tenant.member().id())
                        .header(HttpHeaders.AUTHORIZATION, bearer(tenant.member().accessToken())))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/organizations/" + tenant.organization())
                        .header(HttpHeaders.AUTHORIZATION, bearer(tenant.member().accessToken())))
                .andExpect(status().isNotFound());
    }
}
