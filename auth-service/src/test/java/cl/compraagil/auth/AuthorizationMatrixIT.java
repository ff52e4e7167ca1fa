package cl.compraagil.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Generated from {@code authorization-matrix.psv}: every auth-service endpoint × caller (anonymous, user, admin,
 * API-key token) → expected status. Object ids belong to a victim in another tenant, so a 404 proves that
 * existence is not revealed, and the victim's state is checked unchanged afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends AuthServiceTest {

    private Registered user;
    private Registered admin;
    private Registered victim;
    private String apiKeyToken;
    private long victimKey;
    private long victimOrganization;

    @BeforeAll
    void tenants() throws Exception {
        user = newUser();
        admin = newAdmin();
        victim = newUser();
        for (Registered owner : List.of(user, victim)) {
            jdbc.sql("""
                    INSERT INTO user_entitlements (user_id, plan, status, api_keys, organization_seats, changed_at)
                    VALUES (:id, 'profesional', 'active', TRUE, NULL, now())
                    """).param("id", owner.id()).update();
        }
        JsonNode userKey = createKey(user);
        victimKey = createKey(victim).get("id").asLong();
        apiKeyToken = json(mvc.perform(post("/api/v1/auth/api-keys/exchange").header("X-API-Key", userKey.get("key").asString()))
                .andReturn().getResponse().getContentAsString()).get("access_token").asString();
        victimOrganization = json(mvc.perform(post("/api/v1/organizations")
                        .header(HttpHeaders.AUTHORIZATION, bearer(victim.accessToken()))
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("name", "Víctima SpA"))))
                .andReturn().getResponse().getContentAsString()).get("id").asLong();
    }

    private JsonNode createKey(Registered owner) throws Exception {
        return json(mvc.perform(post("/api/v1/api-keys").header(HttpHeaders.AUTHORIZATION, bearer(owner.accessToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("name", "k", "scopes", List.of("read:licitaciones")))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private String fill(String text) {
        return text == null ? null : text.replace("{victim}", Long.toString(victim.id()))
                .replace("{victim_key}", Long.toString(victimKey))
                .replace("{victim_org}", Long.toString(victimOrganization));
    }

    @ParameterizedTest(name = "{0} {1} → anonymous {3}, user {4}, admin {5}, api key {6}")
    @CsvFileSource(resources = "/authorization-matrix.psv", delimiter = '|', numLinesToSkip = 1, maxCharsPerColumn = 1000)
    void everyCallerGetsExactlyTheStatusOfTheMatrix(String method, String path, String body, int anonymous, int asUser,
            int asAdmin, int asApiKey) throws Exception {
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put("anonymous", anonymous);
        expected.put("user", asUser);
        expected.put("admin", asAdmin);
        expected.put("api_key", asApiKey);
        Map<String, String> tokens = new java.util.HashMap<>();
        tokens.put("user", user.accessToken());
        tokens.put("admin", admin.accessToken());
        tokens.put("api_key", apiKeyToken);
        for (Map.Entry<String, Integer> caller : expected.entrySet()) {
            MockHttpServletRequestBuilder call = request(HttpMethod.valueOf(method), fill(path));
            if (body != null) {
                call.contentType(MediaType.APPLICATION_JSON).content(fill(body));
            }
            String token = tokens.get(caller.getKey());
            if (token != null) {
                call.header(HttpHeaders.AUTHORIZATION, bearer(token));
            }
            int actual = mvc.perform(call).andReturn().getResponse().getStatus();
            assertThat(actual).as("%s %s as %s", method, path, caller.getKey()).isEqualTo(caller.getValue());
        }
        assertVictimUntouched();
    }

    private void assertVictimUntouched() {
        assertThat(jdbc.sql("SELECT count(*) FROM organization_members WHERE organization_id = :o")
                .param("o", victimOrganization).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT role FROM organization_members WHERE organization_id = :o")
                .param("o", victimOrganization).query(String.class).single()).isEqualTo("owner");
        assertThat(jdbc.sql("SELECT is_active FROM api_keys WHERE id = :id").param("id", victimKey)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM organization_invitations WHERE organization_id = :o")
                .param("o", victimOrganization).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM api_keys WHERE user_id = :v").param("v", victim.id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM organizations WHERE owner_id = :v").param("v", victim.id())
                .query(Long.class).single()).isEqualTo(1);
    }
}
