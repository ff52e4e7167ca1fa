package cl.compraagil.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** Email verification and password reset links. */
class RecoveryIT extends AuthServiceTest {

    private static String tokenOf(JsonNode event) {
        String url = event.get("data").get("action_url").asString();
        return url.substring(url.indexOf("token=") + 6);
    }

    private ResultActions requestReset(String email) throws Exception {
        return mvc.perform(from(post("/api/v1/auth/password-reset/request"), uniqueIp())
                .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("email", email))));
    }

    private ResultActions reset(String token, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
                .content(body(Map.of("token", token, "new_password", password))));
    }

    @Test
    void verificationLinkVerifiesTheEmailOnce() throws Exception {
        Registered ana = newUser();
        String token = tokenOf(lastEvent("user.email_verification_requested", ana.id()));
        mvc.perform(post("/api/v1/auth/verify-email").contentType(MediaType.APPLICATION_JSON).content(body(Map.of("token", token))))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/auth/verify-email").contentType(MediaType.APPLICATION_JSON).content(body(Map.of("token", token))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_token"));
        mvc.perform(get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, bearer(ana.accessToken())))
                .andExpect(jsonPath("$.is_verified").value(true));
        assertThat(jdbc.sql("SELECT count(*) FROM one_time_tokens WHERE token_hash = :t").param("t", token)
                .query(Long.class).single()).isZero();
    }

    @Test
    void newVerificationRequestReplacesTheOldLink() throws Exception {
        Registered ana = newUser();
        String first = tokenOf(lastEvent("user.email_verification_requested", ana.id()));
        mvc.perform(post("/api/v1/auth/verify-email/request").header(HttpHeaders.AUTHORIZATION, bearer(ana.accessToken())))
                .andExpect(status().isAccepted());
        assertThat(outboxCount("user.email_verification_requested", ana.id())).isEqualTo(2);
        mvc.perform(post("/api/v1/auth/verify-email").contentType(MediaType.APPLICATION_JSON).content(body(Map.of("token", first))))
                .andExpect(status().isBadRequest());
    }

    @Test
    void resetRequestAnswersTheSameForUnknownEmailsAndOnlyMailsRealAccounts() throws Exception {
        Registered ana = newUser();
        String known = requestReset(ana.email()).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String unknown = requestReset(uniqueEmail()).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        assertThat(known).isEqualTo(unknown);
        JsonNode event = lastEvent("user.password_reset_requested", ana.id());
        assertThat(event.get("data").get("email").asString()).isEqualTo(ana.email());
        assertThat(event.get("data").get("full_name").asString()).isEqualTo("Ana Pérez");
        assertThat(event.get("data").get("action_url").asString()).startsWith("http://localhost:8080/reset-password?token=");
    }

    @Test
    void resetSetsThePasswordOnceEndsEverySessionAndDoesNotLogIn() throws Exception {
        Registered ana = newUser();
        requestReset(ana.email()).andExpect(status().isAccepted());
        String token = tokenOf(lastEvent("user.password_reset_requested", ana.id()));
        reset(token, "corto").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("weak_password"));
        // a rejected password did not burn the link
        String answer = reset(token, "Otra-clave-bien-larga-9").andExpect(status().isNoContent())
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).doesNotContain("access_token");
        reset(token, "Tercera-clave-bien-larga-9").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_token"));
        mvc.perform(post("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("refresh_token", ana.refreshToken()))))
                .andExpect(status().isUnauthorized());
        login(ana.email(), "Otra-clave-bien-larga-9");
    }

    @Test
    void expiredResetLinkIsRefused() throws Exception {
        Registered ana = newUser();
        requestReset(ana.email()).andExpect(status().isAccepted());
        String token = tokenOf(lastEvent("user.password_reset_requested", ana.id()));
        jdbc.sql("UPDATE one_time_tokens SET expires_at = now() - interval '1 second' WHERE user_id = :id")
                .param("id", ana.id()).update();
        reset(token, "Otra-clave-bien-larga-9").andExpect(status().isBadRequest());
    }

    @Test
    void resetRequestsAreLimitedPerEmail() throws Exception {
        Registered ana = newUser();
        for (int i = 0; i < 5; i++) {
            requestReset(ana.email()).andExpect(status().isAccepted());
        }
        requestReset(ana.email()).andExpect(status().isTooManyRequests())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().exists("Retry-After"));
    }
}
