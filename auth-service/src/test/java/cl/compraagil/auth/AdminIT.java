package cl.compraagil.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jwt.SignedJWT;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Administration, the audit log and signing-key rotation. */
class AdminIT extends AuthServiceTest {

    @Test
    void ordinaryUsersReachNoAdminFunction() throws Exception {
        Registered ana = newUser();
        String auth = bearer(ana.accessToken());
        mvc.perform(get("/api/v1/users").header(HttpHeaders.AUTHORIZATION, auth)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users/" + ana.id() + "/deactivate").header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/users/" + ana.id() + "/admin").header(HttpHeaders.AUTHORIZATION, auth))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/auth/audit-log").header(HttpHeaders.AUTHORIZATION, auth)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/auth/keys/rotate").header(HttpHeaders.AUTHORIZATION, auth)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT is_admin FROM users WHERE id = :id").param("id", ana.id()).query(Boolean.class).single()).isFalse();
    }

    @Test
    void adminSearchesUsersByEmailNameOrCompany() throws Exception {
        Registered admin = newAdmin();
        Registered ana = newUser();
        mvc.perform(get("/api/v1/users").param("q", ana.email().substring(0, 13).toUpperCase())
                        .header(HttpHeaders.AUTHORIZATION, bearer(admin.accessToken())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(ana.id())).andExpect(jsonPath("$[0].hashed_password").doesNotExist());
        mvc.perform(get("/api/v1/users").param("limit", "0").header(HttpHeaders.AUTHORIZATION, bearer(admin.accessToken())))
                .andExpect(status().isBadRequest());
    }

    @Test
    void deactivatedUserCannotLogInOrRefreshUntilReactivatedAndEveryActionIsAudited() throws Exception {
        Registered admin = newAdmin();
        Registered ana = newUser();
        mvc.perform(post("/api/v1/users/" + ana.id() + "/deactivate").header(HttpHeaders.AUTHORIZATION, bearer(admin.accessToken())))
                .andExpect(status().isNoContent());
        mvc.perform(from(post("/api/v1/auth/login"), uniqueIp()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("username", ana.email()).param("password", PASSWORD))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("invalid_credentials"));
        mvc.perform(post("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("refresh_token", ana.refreshToken()))))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/users/" + ana.id() + "/reactivate").header(HttpHeaders.AUTHORIZATION, bearer(admin.accessToken())))
                .andExpect(status().isNoContent());
        login(ana.email(), PASSWORD);

        mvc.perform(get("/api/v1/auth/audit-log").param("user_id", Long.toString(ana.id()))
                        .header(HttpHeaders.AUTHORIZATION, bearer(admin.accessToken())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.action == 'user_deactivated')].actor_user_id").value(org.hamcrest.Matchers.contains((int) admin.id())))
                .andExpect(jsonPath("$[?(@.action == 'user_reactivated')]").exists())
                .andExpect(jsonPath("$[?(@.action == 'login_failed')]").exists());
    }

    @Test
    void adminGrantsAndRemovesAdminButNotOnThemselves() throws Exception {
        Registered admin = newAdmin();
        Registered ana = newUser();
        mvc.perform(put("/api/v1/users/" + ana.id() + "/admin").header(HttpHeaders.AUTHORIZATION, bearer(admin.accessToken())))
                .andExpect(status().isNoContent());
        JsonNode tokens = login(ana.email(), PASSWORD);
        assertThat(SignedJWT.parse(tokens.get("access_token").asString()).getJWTClaimsSet().getStringListClaim("roles"))
                .containsExactly("user", "admin");
        mvc.perform(delete("/api/v1/users/" + ana.id() + "/admin").header(HttpHeaders.AUTHORIZATION, bearer(admin.accessToken())))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/users/" + admin.id() + "/admin").header(HttpHeaders.AUTHORIZATION, bearer(admin.accessToken())))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/auth/audit-log").param("action", "admin_granted")
                        .header(HttpHeaders.AUTHORIZATION, bearer(admin.accessToken())))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].target_user_id").value(ana.id()));
    }

    @Test
    void keyRotationKeepsOldTokensValidAndPublishesBothKeys() throws Exception {
        Registered admin = newAdmin();
        Registered ana = newUser();
        String oldKid = SignedJWT.parse(ana.accessToken()).getHeader().getKeyID();
        JsonNode rotated = json(mvc.perform(post("/api/v1/auth/keys/rotate")
                        .header(HttpHeaders.AUTHORIZATION, bearer(admin.accessToken())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        String newKid = rotated.get("kid").asString();
        assertThat(newKid).isNotEqualTo(oldKid);

        mvc.perform(get("/.well-known/jwks.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.keys[?(@.kid == '" + newKid + "')]").exists())
                .andExpect(jsonPath("$.keys[?(@.kid == '" + oldKid + "')]").exists());
        // nobody is logged out: the token signed with the old key still works
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(ana.accessToken()))).andExpect(status().isOk());
        JsonNode fresh = login(ana.email(), PASSWORD);
        assertThat(SignedJWT.parse(fresh.get("access_token").asString()).getHeader().getKeyID()).isEqualTo(newKid);
        byte[] stored = jdbc.sql("SELECT private_key_encrypted FROM signing_keys WHERE kid = :kid").param("kid", newKid)
                .query(byte[].class).single();
        assertThat(stored.length).isGreaterThan(1000);
    }
}
