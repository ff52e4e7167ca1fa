package cl.compraagil.subscription.admin;

import static cl.compraagil.subscription.billing.StripeEvents.checkoutSession;
import static cl.compraagil.subscription.billing.StripeEvents.event;
import static cl.compraagil.subscription.billing.StripeEvents.invoice;
import static cl.compraagil.subscription.billing.StripeEvents.subscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cl.compraagil.subscription.ServiceIntegrationTest;
import cl.compraagil.testkit.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

class AdminBillingViewTest extends ServiceIntegrationTest {

    private static final long ADMIN = 7;

    @Test
    void adminSeesAUsersSubscriptionUsageAndPaymentsAndTheReadIsAudited() {
        long userId = registeredUser();
        payForEmprendedor(userId);
        UUID usage = UUID.randomUUID();
        publish("usage.recorded", Long.toString(userId), usage, """
                {"user_id": %d, "resource": "ai_analysis", "day": "%s", "request_id": "r1"}"""
                .formatted(userId, LocalDate.now(ZoneId.of("America/Santiago"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM processed_events WHERE event_id = :id").param("id", usage).query(Long.class).single() == 1);

        ResponseEntity<String> response = get(path(userId), TestTokens.shared().admin(ADMIN));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode view = json(response);
        assertThat(view.path("user_id").asLong()).isEqualTo(userId);
        assertThat(view.path("subscription").path("plan").asString()).isEqualTo("emprendedor");
        assertThat(view.path("subscription").path("status").asString()).isEqualTo("active");
        assertThat(view.path("subscription").path("current_period_end").isNull()).isFalse();
        assertThat(view.path("stripe_customer_id").asString()).isEqualTo("cus_adm_" + userId);
        JsonNode ai = resource(view.path("usage"), "ai_analysis");
        assertThat(ai.path("used_today").asInt()).isEqualTo(1);
        assertThat(ai.path("daily_limit").asInt()).isEqualTo(5);
        assertThat(ai.path("remaining_today").asInt()).isEqualTo(4);
        assertThat(view.path("payments")).hasSize(1);
        assertThat(view.path("payments").path(0).path("amount").asLong()).isEqualTo(4990);
        assertThat(view.path("payments").path(0).path("status").asString()).isEqualTo("succeeded");

        List<JsonNode> audit = outboxEvents("audit.recorded", ADMIN).stream()
                .filter(line -> line.path("target_user_id").asLong() == userId).toList();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("action").asString()).isEqualTo("subscription_viewed");
        assertThat(audit.get(0).path("actor_user_id").asLong()).isEqualTo(ADMIN);
        assertThat(audit.get(0).path("service").asString()).isEqualTo("subscription-service");
        assertThat(audit.get(0).path("ip").asString()).isNotBlank();
        assertThat(audit.get(0).path("details").path("plan").asString()).isEqualTo("emprendedor");
    }

    @Test
    void onlyAnAdminUserTokenMayLookAndAnUnknownUserIsNotFound() {
        long userId = registeredUser();
        long before = auditLinesAbout(userId);

        assertThat(get(path(userId), null).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> ordinary = get(path(userId), userToken(newUserId()));
        assertThat(ordinary.getStatusCode().value()).isEqualTo(403);
        assertThat(json(ordinary).path("error").asString()).isEqualTo("forbidden");
        assertThat(get(path(userId), userToken(userId)).getStatusCode().value()).isEqualTo(403);
        TestTokens tokens = TestTokens.shared();
        String adminApiKey = tokens.token(tokens.claims(ADMIN, List.of("user", "admin")).claim("amr", "api_key")
                .claim("api_key_id", 5).claim("scope", "read:licitaciones")
                .expirationTime(Date.from(Instant.now().plusSeconds(60))).build());
        assertThat(get(path(userId), adminApiKey).getStatusCode().value()).isEqualTo(403);

        ResponseEntity<String> unknown = get(path(9_999_999), tokens.admin(ADMIN));
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(json(unknown).path("error").asString()).isEqualTo("not_found");
        assertThat(auditLinesAbout(userId)).isEqualTo(before);
        assertThat(auditLinesAbout(9_999_999)).isZero();
    }

    private void payForEmprendedor(long userId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant monthLater = now.plus(30, ChronoUnit.DAYS);
        String customer = "cus_adm_" + userId;
        String sub = "sub_adm_" + userId;
        deliverStripeEvent(event("customer.subscription.created", now,
                subscription(sub, customer, userId, "emprendedor", "active", now, monthLater, false)));
        deliverStripeEvent(event("checkout.session.completed", now,
                checkoutSession("cs_adm_" + userId, customer, sub, userId, "emprendedor")));
        assertThat(deliverStripeEvent(event("invoice.paid", now,
                invoice("in_adm_" + userId, customer, sub, 4990, "paid", now, monthLater))).getStatusCode().value()).isEqualTo(200);
        assertThat(planOf(userId)).isEqualTo("emprendedor");
    }

    private long auditLinesAbout(long userId) {
        return jdbc.sql("""
                SELECT count(*) FROM outbox_events WHERE event_type = 'audit.recorded'
                  AND CAST(payload -> 'data' ->> 'target_user_id' AS BIGINT) = :u""")
                .param("u", userId).query(Long.class).single();
    }

    private static String path(long userId) {
        return "/api/v1/subscriptions/admin/users/" + userId;
    }

    private static JsonNode resource(JsonNode usage, String name) {
        for (JsonNode row : usage.path("resources")) {
            if (row.path("resource").asString().equals(name)) {
                return row;
            }
        }
        throw new AssertionError("no usage row for " + name);
    }
}
