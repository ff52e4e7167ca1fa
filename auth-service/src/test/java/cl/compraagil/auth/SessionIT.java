package cl.compraagil.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Refresh-token rotation, reuse detection, logout and the brute-force throttle. */
class SessionIT extends AuthServiceTest {

    private org.springframework.test.web.servlet.ResultActions refresh(String token) throws Exception {
        return mvc.perform(post("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .content(body(Map.of("refresh_token", token))));
    }

    private JsonNode refreshed(String token) throws Exception {
        return json(refresh(token).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void refreshRotatesTheTokenAndKeepsTheSession() throws Exception {
        Registered ana = newUser();
        JsonNode next = refreshed(ana.refreshToken());
        assertThat(next.get("refresh_token").asString()).isNotEqualTo(ana.refreshToken());
        assertThat(next.get("token_type").asString()).isEqualTo("bearer");
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(next.get("access_token").asString())))
                .andExpect(status().isOk());
        refreshed(next.get("refresh_token").asString());
        String stored = jdbc.sql("SELECT token_hash FROM refresh_tokens WHERE user_id = :id ORDER BY id LIMIT 1")
                .param("id", ana.id()).query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(ana.refreshToken());
    }

    @Test
    void refreshTokenReuseRevokesTheWholeFamily() throws Exception {
        Registered ana = newUser();
        JsonNode second = refreshed(ana.refreshToken());
        // the first token is presented again: someone copied it
        refresh(ana.refreshToken()).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("invalid_refresh_token"));
        // the legitimate newest token of the family is dead too
        refresh(second.get("refresh_token").asString()).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'refresh_token_reused' AND target_user_id = :id")
                .param("id", ana.id()).query(Long.class).single()).isEqualTo(1);
        // another login session of the same user is untouched
        JsonNode other = login(ana.email(), PASSWORD);
        refreshed(other.get("refresh_token").asString());
    }

    @Test
    void logoutRevokesTheSession() throws Exception {
        Registered ana = newUser();
        mvc.perform(post("/api/v1/auth/logout").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("refresh_token", ana.refreshToken()))))
                .andExpect(status().isNoContent());
        refresh(ana.refreshToken()).andExpect(status().isUnauthorized());
    }

    @Test
    void idleRefreshTokenIsRejected() throws Exception {
        Registered ana = newUser();
        jdbc.sql("UPDATE refresh_tokens SET idle_expires_at = now() - interval '1 second' WHERE user_id = :id")
                .param("id", ana.id()).update();
        refresh(ana.refreshToken()).andExpect(status().isUnauthorized());
    }

    @Test
    void absoluteLifetimeCarriesOverRotation() throws Exception {
        Registered ana = newUser();
        refreshed(ana.refreshToken());
        assertThat(jdbc.sql("SELECT count(DISTINCT expires_at) FROM refresh_tokens WHERE user_id = :id")
                .param("id", ana.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void passwordChangeRevokesEveryRefreshToken() throws Exception {
        Registered ana = newUser();
        JsonNode other = login(ana.email(), PASSWORD);
        mvc.perform(post("/api/v1/users/me/password").header(HttpHeaders.AUTHORIZATION, bearer(ana.accessToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("current_password", PASSWORD, "new_password", "Nueva-clave-segura-77"))))
                .andExpect(status().isNoContent());
        refresh(ana.refreshToken()).andExpect(status().isUnauthorized());
        refresh(other.get("refresh_token").asString()).andExpect(status().isUnauthorized());
        login(ana.email(), "Nueva-clave-segura-77");
    }

    @Test
    void repeatedFailuresLockTheAccountWithRetryAfterWithoutRevealingItExists() throws Exception {
        Registered ana = newUser();
        String unknown = uniqueEmail();
        for (String username : new String[] {ana.email(), unknown}) {
            for (int i = 0; i < 5; i++) {
                mvc.perform(from(post("/api/v1/auth/login"), uniqueIp()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                                .param("username", username).param("password", "clave-equivocada-" + i))
                        .andExpect(status().isUnauthorized());
            }
            // locked now, even with the right password and from a fresh address
            mvc.perform(from(post("/api/v1/auth/login"), uniqueIp()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .param("username", username).param("password", PASSWORD))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(header().string("Retry-After", "30"))
                    .andExpect(jsonPath("$.error").value("too_many_attempts"))
                    .andExpect(jsonPath("$.retry_after_seconds", greaterThanOrEqualTo(29)));
        }
    }

    @Test
    void manyFailuresFromOneAddressLockThatAddress() throws Exception {
        String ip = uniqueIp();
        for (int i = 0; i < 20; i++) {
            mvc.perform(from(post("/api/v1/auth/login"), ip).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .param("username", uniqueEmail()).param("password", "clave-equivocada"))
                    .andExpect(status().isUnauthorized());
        }
        Registered ana = newUser();
        mvc.perform(from(post("/api/v1/auth/login"), ip).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("username", ana.email()).param("password", PASSWORD))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
    }
}
