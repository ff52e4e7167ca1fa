package cl.compraagil.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jwt.SignedJWT;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class AccountIT extends AuthServiceTest {

    private Map<String, Object> registration(String email) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", PASSWORD, "full_name", "Ana Pérez",
                "company_name", "Pyme SpA", "rut", "12.345.678-5", "phone", "+56 9 1234 5678"));
        return body;
    }

    @Test
    void registrationAnswersTheUserWithoutHashAndPublishesUserRegisteredInTheSameTransaction() throws Exception {
        String email = uniqueEmail();
        Map<String, Object> body = registration(email);
        body.put("is_admin", true);
        body.put("is_verified", true);
        String answer = mvc.perform(post("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON).content(body(body)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.rut").value("12345678-5"))
                .andExpect(jsonPath("$.is_admin").value(false))
                .andExpect(jsonPath("$.is_verified").value(false))
                .andExpect(jsonPath("$.hashed_password").doesNotExist())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("argon2"))))
                .andReturn().getResponse().getContentAsString();
        long id = json(answer).get("id").asLong();

        JsonNode event = lastEvent("user.registered", id);
        assertThat(event.get("type").asString()).isEqualTo("user.registered");
        assertThat(event.get("version").asInt()).isEqualTo(1);
        JsonNode data = event.get("data");
        assertThat(data.get("user_id").asLong()).isEqualTo(id);
        assertThat(data.get("email").asString()).isEqualTo(email);
        assertThat(data.get("full_name").asString()).isEqualTo("Ana Pérez");
        assertThat(data.get("company_name").asString()).isEqualTo("Pyme SpA");
        assertThat(data.get("registered_at").asString()).endsWith("Z");
        JsonNode verification = lastEvent("user.email_verification_requested", id).get("data");
        assertThat(verification.get("action_url").asString()).startsWith("http://localhost:8080/verify-email?token=");
        String hash = jdbc.sql("SELECT hashed_password FROM users WHERE id = :id").param("id", id).query(String.class).single();
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void manySignUpsFromOneAddressAreThrottled() throws Exception {
        String ip = uniqueIp();
        int reachedValidation = 0;
        int throttled = 0;
        for (int i = 0; i < 21; i++) {
            Map<String, Object> body = registration(uniqueEmail());
            body.put("password", "x");
            // a weak password keeps this cheap: the throttle runs before validation of the password
            int status = mvc.perform(from(post("/api/v1/auth/register"), ip).contentType(MediaType.APPLICATION_JSON)
                    .content(body(body))).andReturn().getResponse().getStatus();
            reachedValidation += status == 400 ? 1 : 0;
            throttled += status == 429 ? 1 : 0;
        }
        assertThat(reachedValidation).isEqualTo(20);
        assertThat(throttled).isEqualTo(1);
    }

    @Test
    void emailIsUniqueRegardlessOfCase() throws Exception {
        String email = uniqueEmail();
        registerUser(email);
        mvc.perform(post("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                        .content(body(registration(email.toUpperCase()))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("email_taken"));
    }

    @Test
    void weakPasswordIsRejectedWithTheRulesInSpanish() throws Exception {
        Map<String, Object> body = registration(uniqueEmail());
        body.put("password", "1234567890");
        mvc.perform(post("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON).content(body(body)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").value("weak_password"))
                .andExpect(jsonPath("$.detail", containsString("entre 10 y 128 caracteres")));
    }

    @Test
    void rutWithWrongCheckDigitIsRejectedAndNothingIsStored() throws Exception {
        String email = uniqueEmail();
        Map<String, Object> body = registration(email);
        body.put("rut", "12.345.678-9");
        mvc.perform(post("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON).content(body(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("validation_failed"))
                .andExpect(jsonPath("$.errors[0].field").value("rut"));
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = lower(:e)").param("e", email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void loginWithPasswordFormAndWithJsonIssuesBearerTokens() throws Exception {
        String email = uniqueEmail();
        long id = registerUser(email);
        JsonNode form = login(email.toLowerCase(), PASSWORD);
        assertThat(form.get("token_type").asString()).isEqualTo("bearer");
        assertThat(form.get("expires_in").asLong()).isEqualTo(900);
        assertThat(form.get("refresh_token").asString()).hasSizeGreaterThan(40);

        String answer = mvc.perform(from(post("/api/v1/auth/login"), uniqueIp()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("username", email, "password", PASSWORD))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        SignedJWT jwt = SignedJWT.parse(json(answer).get("access_token").asString());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(Long.toString(id));
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("compra-agil-auth");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("compra-agil-api");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("user");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("email")).isEqualTo(email);
        assertThat(jwt.getJWTClaimsSet().getJWTID()).isNotBlank();
        long lifetime = jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime();
        assertThat(lifetime).isEqualTo(15 * 60 * 1000);
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSameAnswer() throws Exception {
        String email = uniqueEmail();
        registerUser(email);
        String wrong = mvc.perform(from(post("/api/v1/auth/login"), uniqueIp()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("username", email).param("password", "otra-clave-equivocada"))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        String unknown = mvc.perform(from(post("/api/v1/auth/login"), uniqueIp()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("username", uniqueEmail()).param("password", "otra-clave-equivocada"))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        assertThat(json(wrong).get("error").asString()).isEqualTo("invalid_credentials");
        // identical but for the per-request correlation id
        assertThat(withoutCorrelation(wrong)).isEqualTo(withoutCorrelation(unknown));
    }

    private JsonNode withoutCorrelation(String problem) {
        tools.jackson.databind.node.ObjectNode node = (tools.jackson.databind.node.ObjectNode) json(problem);
        node.remove("correlation_id");
        return node;
    }

    @Test
    void loginWithoutPasswordIsABadRequestProblem() throws Exception {
        mvc.perform(post("/api/v1/auth/login").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("username", "x@y.cl"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("missing_parameter"));
    }

    @Test
    void meAnswersTheCallerAndProfileUpdateIgnoresPrivilegedFields() throws Exception {
        Registered ana = newUser();
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(ana.accessToken())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(ana.id()))
                .andExpect(jsonPath("$.hashed_password").doesNotExist());

        Map<String, Object> update = new HashMap<>();
        update.put("full_name", "Ana María Pérez");
        update.put("phone", "+56 2 2345 6789");
        update.put("email", "otra@pyme.cl");
        update.put("is_admin", true);
        update.put("is_verified", true);
        update.put("plan", "profesional");
        update.put("role", "owner");
        update.put("organization_id", 1);
        mvc.perform(patch("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, bearer(ana.accessToken()))
                        .contentType(MediaType.APPLICATION_JSON).content(body(update)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.full_name").value("Ana María Pérez"))
                .andExpect(jsonPath("$.phone").value("+56 2 2345 6789"))
                .andExpect(jsonPath("$.email").value(ana.email()))
                .andExpect(jsonPath("$.is_admin").value(false))
                .andExpect(jsonPath("$.is_verified").value(false));
    }

    @Test
    void profileUpdateWithInvalidRutChangesNothing() throws Exception {
        Registered ana = newUser();
        mvc.perform(patch("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, bearer(ana.accessToken()))
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("rut", "11.111.111-2", "full_name", "X"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("validation_failed"));
        assertThat(jdbc.sql("SELECT full_name FROM users WHERE id = :id").param("id", ana.id()).query(String.class).single())
                .isEqualTo("Ana Pérez");
    }

    @Test
    void usersByIdIsForAdminsOnlyAndEveryReadIsAudited() throws Exception {
        Registered ana = newUser();
        Registered admin = newAdmin();
        mvc.perform(get("/api/v1/users/" + admin.id()).header(HttpHeaders.AUTHORIZATION, bearer(ana.accessToken())))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("forbidden"));
        mvc.perform(get("/api/v1/users/" + ana.id()).header(HttpHeaders.AUTHORIZATION, bearer(admin.accessToken())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.email").value(ana.email()));
        mvc.perform(get("/api/v1/users/999999999").header(HttpHeaders.AUTHORIZATION, bearer(admin.accessToken())))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value("not_found"));
        assertThat(jdbc.sql("SELECT actor_user_id FROM audit_log WHERE action = 'user_viewed' AND target_user_id = :t")
                .param("t", ana.id()).query(Long.class).list()).containsExactly(admin.id());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'user_viewed' AND target_user_id = :t")
                .param("t", admin.id()).query(Long.class).single()).as("a refused read is not an admin action").isZero();
    }

    @Test
    void accountDeletionRemovesTheUserAndPublishesUserDeleted() throws Exception {
        Registered ana = newUser();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/users/me")
                        .header(HttpHeaders.AUTHORIZATION, bearer(ana.accessToken())))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE id = :id").param("id", ana.id()).query(Long.class).single()).isZero();
        JsonNode data = lastEvent("user.deleted", ana.id()).get("data");
        assertThat(data.get("user_id").asLong()).isEqualTo(ana.id());
        assertThat(List.copyOf(data.propertyNames())).containsExactly("user_id");
        mvc.perform(post("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("refresh_token", ana.refreshToken()))))
                .andExpect(status().isUnauthorized());
    }
}
