package cl.compraagil.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class ApiKeyIT extends AuthServiceTest {

    private void entitle(long userId, boolean apiKeys) {
        jdbc.sql("""
                INSERT INTO user_entitlements (user_id, plan, status, api_keys, organization_seats, changed_at)
                VALUES (:id, 'profesional', 'active', :keys, 5, now())
                ON CONFLICT (user_id) DO UPDATE SET api_keys = EXCLUDED.api_keys, changed_at = now()
                """).param("id", userId).param("keys", apiKeys).update();
    }

    private JsonNode create(Registered user) throws Exception {
        return json(mvc.perform(post("/api/v1/api-keys").header(HttpHeaders.AUTHORIZATION, bearer(user.accessToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("name", "ERP", "scopes", List.of("read:licitaciones", "write:analysis"),
                                "rate_limit_per_minute", 120))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private org.springframework.test.web.servlet.ResultActions exchange(String key) throws Exception {
        return mvc.perform(post("/api/v1/auth/api-keys/exchange").header("X-API-Key", key));
    }

    @Test
    void apiKeysNeedAPlanThatIncludesThem() throws Exception {
        Registered ana = newUser();
        mvc.perform(post("/api/v1/api-keys").header(HttpHeaders.AUTHORIZATION, bearer(ana.accessToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("name", "ERP", "scopes", List.of("read:licitaciones")))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("plan_required"));
    }

    @Test
    void createdKeyIsShownOnceInGithubStyleAndOnlyItsHmacIsStored() throws Exception {
        Registered ana = newUser();
        entitle(ana.id(), true);
        JsonNode created = create(ana);
        String key = created.get("key").asString();
        assertThat(key).matches("cak_live_[0-9A-Za-z]{30}_[0-9A-Za-z]{6}");
        assertThat(created.get("prefix").asString()).isEqualTo(key.substring(0, 15));

        String stored = jdbc.sql("SELECT key_hash FROM api_keys WHERE id = :id").param("id", created.get("id").asLong())
                .query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(key.substring(9, 39));

        String list = mvc.perform(get("/api/v1/api-keys").header(HttpHeaders.AUTHORIZATION, bearer(ana.accessToken())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].prefix").value(created.get("prefix").asString()))
                .andExpect(jsonPath("$[0].scopes[0]").value("read:licitaciones"))
                .andExpect(jsonPath("$[0].last_used_at").isEmpty())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(key).doesNotContain(stored);
    }

    @Test
    void exchangeGivesTheGatewayAShortTokenWithTheKeysScopesAndLimit() throws Exception {
        Registered ana = newUser();
        entitle(ana.id(), true);
        JsonNode created = create(ana);
        JsonNode answer = json(exchange(created.get("key").asString()).andExpect(status().isOk())
                .andExpect(jsonPath("$.token_type").value("bearer"))
                .andExpect(jsonPath("$.expires_in").value(60))
                .andExpect(jsonPath("$.refresh_token").doesNotExist())
                .andReturn().getResponse().getContentAsString());
        JWTClaimsSet claims = SignedJWT.parse(answer.get("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(Long.toString(ana.id()));
        assertThat(claims.getLongClaim("api_key_id")).isEqualTo(created.get("id").asLong());
        assertThat(claims.getStringClaim("scope")).isEqualTo("read:licitaciones write:analysis");
        assertThat(claims.getLongClaim("rate_limit_per_minute")).isEqualTo(120);
        assertThat(claims.getStringClaim("amr")).isEqualTo("api_key");
        assertThat(claims.getStringListClaim("roles")).containsExactly("user");

        mvc.perform(get("/api/v1/api-keys").header(HttpHeaders.AUTHORIZATION, bearer(ana.accessToken())))
                .andExpect(jsonPath("$[0].last_used_at").isNotEmpty());
        // an API-key token cannot manage keys or the account
        mvc.perform(get("/api/v1/api-keys").header(HttpHeaders.AUTHORIZATION, bearer(answer.get("access_token").asString())))
                .andExpect(status().isForbidden());
    }

    @Test
    void revokedMistypedOrInventedKeysAreRefused() throws Exception {
        Registered ana = newUser();
        entitle(ana.id(), true);
        JsonNode created = create(ana);
        String key = created.get("key").asString();
        String mistyped = key.substring(0, 20) + (key.charAt(20) == 'a' ? 'b' : 'a') + key.substring(21);
        exchange(mistyped).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("invalid_api_key"));
        exchange("cak_live_nada").andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/auth/api-keys/exchange")).andExpect(status().isBadRequest());

        mvc.perform(delete("/api/v1/api-keys/" + created.get("id").asLong())
                        .header(HttpHeaders.AUTHORIZATION, bearer(ana.accessToken())))
                .andExpect(status().isNoContent());
        exchange(key).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action IN ('api_key_created', 'api_key_revoked') AND target_user_id = :id")
                .param("id", ana.id()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anotherUsersKeyCannotBeSeenOrRevoked() throws Exception {
        Registered ana = newUser();
        Registered bruno = newUser();
        entitle(ana.id(), true);
        JsonNode created = create(ana);
        mvc.perform(delete("/api/v1/api-keys/" + created.get("id").asLong())
                        .header(HttpHeaders.AUTHORIZATION, bearer(bruno.accessToken())))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value("not_found"));
        mvc.perform(get("/api/v1/api-keys").header(HttpHeaders.AUTHORIZATION, bearer(bruno.accessToken())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        exchange(created.get("key").asString()).andExpect(status().isOk());
    }

    @Test
    void unknownScopeOrPastExpiryIsABadRequest() throws Exception {
        Registered ana = newUser();
        entitle(ana.id(), true);
        mvc.perform(post("/api/v1/api-keys").header(HttpHeaders.AUTHORIZATION, bearer(ana.accessToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("name", "x", "scopes", List.of("admin:everything")))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_scope"));
        mvc.perform(post("/api/v1/api-keys").header(HttpHeaders.AUTHORIZATION, bearer(ana.accessToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("name", "x", "scopes", List.of("read:licitaciones"),
                                "expires_at", "2020-01-01T00:00:00Z"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_expiry"));
        assertThat(jdbc.sql("SELECT count(*) FROM api_keys WHERE user_id = :id").param("id", ana.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void downgradedPlanStopsTheExchange() throws Exception {
        Registered ana = newUser();
        entitle(ana.id(), true);
        JsonNode created = create(ana);
        entitle(ana.id(), false);
        exchange(created.get("key").asString()).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("plan_required"));
    }
}
