package cl.compraagil.auth;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.compraagil.testkit.EmbeddedEngines;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The one Spring context every auth-service test shares: the whole service on embedded PostgreSQL, Redis and
 * Kafka. Helpers register and log in real users through the HTTP API.
 */
@SpringBootTest(properties = "auth.links.public-base-url=http://localhost:8080")
@AutoConfigureMockMvc
public abstract class AuthServiceTest {

    protected static final String PASSWORD = "Licitar-con-calma-2026";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        EmbeddedEngines.register(registry, "auth");
    }

    @Autowired protected MockMvc mvc;
    @Autowired protected JdbcClient jdbc;
    @Autowired protected ObjectMapper mapper;

    protected record Registered(long id, String email, String accessToken, String refreshToken) {
    }

    protected static String uniqueEmail() {
        return "ana." + UUID.randomUUID().toString().substring(0, 8) + "@Pyme.cl";
    }

    /** A distinct client address per call site, so throttling tests do not see each other. */
    protected static String uniqueIp() {
        int n = ADDRESSES.getAndIncrement();
        return "203.0." + (n / 250) + "." + (n % 250 + 1);
    }

    protected static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String ip) {
        return request.with(r -> {
            r.setRemoteAddr(ip);
            return r;
        });
    }

    protected JsonNode json(String body) {
        return mapper.readTree(body);
    }

    protected String body(Object value) {
        return mapper.writeValueAsString(value);
    }

    protected long registerUser(String email) throws Exception {
        String answer = mvc.perform(from(post("/api/v1/auth/register"), uniqueIp()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("email", email, "password", PASSWORD, "full_name", "Ana Pérez",
                                "company_name", "Pyme SpA", "rut", "12.345.678-5", "phone", "+56 9 1234 5678"))))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json(answer).get("id").asLong();
    }

    protected JsonNode login(String email, String password) throws Exception {
        String answer = mvc.perform(from(post("/api/v1/auth/login"), uniqueIp())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("username", email).param("password", password))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return json(answer);
    }

    protected Registered newUser() throws Exception {
        String email = uniqueEmail();
        long id = registerUser(email);
        JsonNode tokens = login(email, PASSWORD);
        return new Registered(id, email, tokens.get("access_token").asString(), tokens.get("refresh_token").asString());
    }

    protected Registered newAdmin() throws Exception {
        String email = uniqueEmail();
        long id = registerUser(email);
        jdbc.sql("UPDATE users SET is_admin = TRUE WHERE id = :id").param("id", id).update();
        JsonNode tokens = login(email, PASSWORD);
        return new Registered(id, email, tokens.get("access_token").asString(), tokens.get("refresh_token").asString());
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    protected long outboxCount(String type, long userId) {
        return jdbc.sql("SELECT count(*) FROM outbox_events WHERE event_type = :type AND event_key = :key")
                .param("type", type).param("key", Long.toString(userId)).query(Long.class).single();
    }

    protected JsonNode lastEvent(String type, long userId) {
        String payload = jdbc.sql("""
                SELECT payload::text FROM outbox_events WHERE event_type = :type AND event_key = :key ORDER BY id DESC LIMIT 1
                """).param("type", type).param("key", Long.toString(userId)).query(String.class).single();
        return json(payload);
    }
}
