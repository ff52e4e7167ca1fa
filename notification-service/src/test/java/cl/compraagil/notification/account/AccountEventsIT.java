package cl.compraagil.notification.account;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cl.compraagil.notification.Fixtures;
import cl.compraagil.notification.IntegrationTest;
import cl.compraagil.notification.ThirdParties;
import cl.compraagil.notification.WebhookReceiver;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

class AccountEventsIT extends IntegrationTest {

    private final WireMockServer wiremock = ThirdParties.wiremock();

    @BeforeEach
    void sendgrid() {
        wiremock.stubFor(post(urlPathEqualTo("/v3/mail/send"))
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-1")));
    }

    private List<LoggedRequest> emailsTo(String address) {
        return wiremock.findAll(postRequestedFor(urlPathEqualTo("/v3/mail/send"))
                .withRequestBody(matchingJsonPath("$.personalizations[0].to[0].email", equalTo(address))));
    }

    @Test
    void passwordResetLinkIsEmailedAndErasedOnceSent() {
        long userId = newUserId();
        String email = "reset" + userId + "@pyme.cl";
        String link = "http://localhost:8080/restablecer?token=secreto-" + userId;
        publish("user.password_reset_requested", Long.toString(userId),
                Map.of("user_id", userId, "email", email, "full_name", "Ana Pérez", "action_url", link));

        awaitRow("SELECT count(*) FROM outbound_messages WHERE user_id = " + userId + " AND status = 'sent'");
        assertThat(emailsTo(email)).hasSize(1);
        assertThat(emailsTo(email).get(0).getBodyAsString()).contains(link.replace("=", "\\u003d").substring(0, 10))
                .contains("Restablece tu contrase");
        assertThat(jdbc.sql("SELECT body FROM outbound_messages WHERE user_id = " + userId).query(String.class).single())
                .doesNotContain("secreto-");
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = " + userId).query(Long.class).single()).isZero();
    }

    @Test
    void invitationIsEmailedToTheInviteeWithoutAnAccount() {
        String email = "invitada" + newUserId() + "@pyme.cl";
        publish("organization.invitation_created", "3", Map.of("organization_id", 3, "organization_name", "Pyme SpA",
                "email", email, "role", "member", "action_url", "http://localhost:8080/invitaciones/abc"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> emailsTo(email).size() == 1);
        assertThat(emailsTo(email).get(0).getBodyAsString()).contains("Te invitaron a Pyme SpA");
    }

    @Test
    void failedPaymentReachesInboxAndEmailInSpanish() {
        long userId = newUserId();
        registerUser(userId);
        publish("payment.failed", Long.toString(userId), Map.of("user_id", userId, "plan", "pyme", "amount", 9990,
                "currency", "clp", "grace_until", "2026-12-03T00:00:00Z"));

        awaitRow("SELECT count(*) FROM notifications WHERE user_id = " + userId + " AND kind = 'payment_failed'");
        String body = jdbc.sql("SELECT body FROM notifications WHERE user_id = " + userId + " AND kind = 'payment_failed'")
                .query(String.class).single();
        // 00:00 UTC on the 3rd is still the 2nd in Chile: the deadline is shown on Chile's clock, not as a UTC date
        assertThat(body).contains("$9.990").contains("a más tardar el 02-12-2026 a las 21:00 (hora de Chile)");
        awaitRow("SELECT count(*) FROM outbound_messages WHERE user_id = " + userId + " AND status = 'sent'");
    }

    @Test
    void olderSubscriptionEventNeverOverwritesANewerOne() {
        long userId = newUserId();
        grantPlan(userId, "profesional", null, true);
        Map<String, Object> stale = new java.util.HashMap<>(Fixtures.subscription(userId, "free", 0, false));
        stale.put("changed_at", "2020-01-01T00:00:00Z");
        publish("subscription.changed", Long.toString(userId), stale);
        long marker = newUserId();
        grantPlan(marker, "pyme", 10, false);

        assertThat(jdbc.sql("SELECT plan FROM user_entitlements WHERE user_id = " + userId).query(String.class).single())
                .isEqualTo("profesional");
    }

    @Test
    void deletedUserLeavesNoRowsBehind() throws Exception {
        long userId = newUserId();
        registerUser(userId);
        grantPlan(userId, "profesional", null, true);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            mvc.perform(MockMvcRequestBuilders.post("/api/v1/alerts").header("Authorization", bearer(userId)).contentType(MediaType.APPLICATION_JSON)
                    .content(Fixtures.rule("Notebooks", "notebook", "\"inbox\""))).andExpect(status().isCreated());
            mvc.perform(MockMvcRequestBuilders.post("/api/v1/webhook-endpoints").header("Authorization", bearer(userId))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"url\": \"" + receiver.url() + "\", \"events\": [\"licitacion.new\"]}"))
                    .andExpect(status().isCreated());
        }
        publish("user.deleted", Long.toString(userId), Map.of("user_id", userId));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT (SELECT count(*) FROM user_contacts WHERE user_id = :u) + (SELECT count(*) FROM notifications WHERE user_id = :u)
                     + (SELECT count(*) FROM user_entitlements WHERE user_id = :u) + (SELECT count(*) FROM outbound_messages WHERE user_id = :u)
                     + (SELECT count(*) FROM alert_rules WHERE user_id = :u) + (SELECT count(*) FROM webhook_endpoints WHERE user_id = :u)
                """).param("u", userId).query(Long.class).single() == 0);
    }
}
