package cl.compraagil.subscription.billing;

import static cl.compraagil.subscription.billing.StripeEvents.checkoutSession;
import static cl.compraagil.subscription.billing.StripeEvents.event;
import static cl.compraagil.subscription.billing.StripeEvents.invoice;
import static cl.compraagil.subscription.billing.StripeEvents.subscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import cl.compraagil.subscription.ServiceIntegrationTest;
import com.stripe.net.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

class StripeWebhookTest extends ServiceIntegrationTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Instant monthLater = now.plus(Duration.ofDays(30));

    @Test
    void eventWithBadSignatureIsRejectedAndChangesNothing() throws Exception {
        long userId = registeredUser();
        String payload = event("customer.subscription.created", now,
                subscription("sub_bad_" + userId, "cus_bad_" + userId, userId, "pyme", "active", now, monthLater, false));

        ResponseEntity<String> forged = deliverStripeEvent(payload,
                Webhook.Signature.generateSignatureHeader(payload, "whsec_someone_else"));
        ResponseEntity<String> unsigned = deliverStripeEvent(payload, null);
        long stale = now.minus(Duration.ofMinutes(10)).getEpochSecond();
        ResponseEntity<String> replayed = deliverStripeEvent(payload, Webhook.Signature.generateSignatureHeader(payload,
                cl.compraagil.subscription.billing.BillingProperties.LOCAL_WEBHOOK_SECRET, stale));

        for (ResponseEntity<String> response : List.of(forged, unsigned, replayed)) {
            assertThat(response.getStatusCode().value()).isEqualTo(400);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(json(response).path("error").asString()).isEqualTo("invalid_signature");
        }
        assertThat(planOf(userId)).isEqualTo("free");
        assertThat(outboxEvents("subscription.changed", userId)).hasSize(1);
        assertThat(get("/actuator/prometheus", null).getBody()).contains("stripe_webhook_events_total{")
                .contains("outcome=\"rejected\"");
    }

    @Test
    void sameWebhookDeliveredTwentyTimesMakesOneChangeAndOnePayment() {
        long userId = registeredUser();
        String customer = "cus_dup_" + userId;
        String sub = "sub_dup_" + userId;
        String paid = event("invoice.paid", now, invoice("in_dup_" + userId, customer, sub, 4990, "paid", now, monthLater));
        deliverStripeEvent(event("checkout.session.completed", now, checkoutSession("cs_dup_" + userId, customer, sub, userId, "emprendedor")));

        for (int i = 0; i < 20; i++) {
            ResponseEntity<String> response = deliverStripeEvent(paid);
            assertThat(response.getStatusCode().value()).isEqualTo(200);
            assertThat(json(response).path("duplicate").asBoolean()).isEqualTo(i > 0);
        }

        assertThat(planOf(userId)).isEqualTo("emprendedor");
        assertThat(outboxEvents("subscription.changed", userId)).hasSize(3); // free, emprendedor, period of the invoice
        assertThat(outboxEvents("payment.succeeded", userId)).hasSize(1);
        JsonNode payments = json(get("/api/v1/subscriptions/payments", userToken(userId)));
        assertThat(payments).hasSize(1);
        assertThat(payments.path(0).path("amount").asLong()).isEqualTo(4990);
        assertThat(payments.path(0).path("currency").asString()).isEqualTo("CLP");
        assertThat(payments.path(0).path("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void concurrentDuplicateDeliveriesApplyTheEventOnce() throws Exception {
        long userId = registeredUser();
        String customer = "cus_par_" + userId;
        String sub = "sub_par_" + userId;
        deliverStripeEvent(event("customer.subscription.created", now,
                subscription(sub, customer, userId, "pyme", "active", now, monthLater, false)));
        String paid = event("invoice.paid", now, invoice("in_par_" + userId, customer, sub, 9990, "paid", now, monthLater));

        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var futures = java.util.stream.IntStream.range(0, 20)
                    .mapToObj(i -> pool.submit(() -> deliverStripeEvent(paid).getStatusCode().value())).toList();
            for (var future : futures) {
                assertThat(future.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(outboxEvents("payment.succeeded", userId)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE user_id = :u").param("u", userId).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void olderSubscriptionUpdateArrivingAfterANewerOneChangesNothing() {
        long userId = registeredUser();
        String customer = "cus_order_" + userId;
        String sub = "sub_order_" + userId;
        String newer = event("customer.subscription.updated", now.plusSeconds(60),
                subscription(sub, customer, userId, "pyme", "active", now, monthLater, false));
        String older = event("customer.subscription.updated", now,
                subscription(sub, customer, userId, "emprendedor", "active", now, monthLater, true));

        deliverStripeEvent(newer);
        ResponseEntity<String> late = deliverStripeEvent(older);

        assertThat(late.getStatusCode().value()).isEqualTo(200);
        JsonNode current = json(get("/api/v1/subscriptions/current", userToken(userId)));
        assertThat(current.path("plan").asString()).isEqualTo("pyme");
        assertThat(current.path("cancel_at_period_end").asBoolean()).isFalse();
        assertThat(current.path("current_period_end").asString()).isEqualTo(monthLater.toString());
        List<JsonNode> changes = outboxEvents("subscription.changed", userId);
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).path("plan").asString()).isEqualTo("pyme");
        assertThat(changes.get(1).path("limits").path("saved_licitaciones").isNull()).isTrue();
    }

    @Test
    void failedPaymentMakesSubscriptionPastDueThenRestrictedAfterGraceAndPaymentRestoresIt() {
        long userId = registeredUser();
        String customer = "cus_dun_" + userId;
        String sub = "sub_dun_" + userId;
        deliverStripeEvent(event("customer.subscription.created", now,
                subscription(sub, customer, userId, "pyme", "active", now, monthLater, false)));

        deliverStripeEvent(event("invoice.payment_failed", now.plusSeconds(1),
                invoice("in_fail_" + userId, customer, sub, 9990, "open", now, monthLater)));

        assertThat(statusOf(userId)).isEqualTo("past_due");
        JsonNode failed = outboxEvents("payment.failed", userId).get(0);
        assertThat(failed.path("plan").asString()).isEqualTo("pyme");
        assertThat(failed.path("amount").asLong()).isEqualTo(9990);
        assertThat(failed.path("currency").asString()).isEqualTo("clp");
        assertThat(failed.path("grace_until").asString()).isNotBlank();
        assertThat(json(get("/api/v1/subscriptions/entitlements", userToken(userId))).path("limits").path("ai_analysis").asInt())
                .isEqualTo(10);

        await().atMost(Duration.ofSeconds(15)).until(() -> statusOf(userId).equals("restricted"));
        JsonNode restricted = json(get("/api/v1/subscriptions/entitlements", userToken(userId)));
        assertThat(restricted.path("plan").asString()).isEqualTo("pyme");
        assertThat(restricted.path("status").asString()).isEqualTo("restricted");
        assertThat(restricted.path("limits").path("ai_analysis").asInt()).isEqualTo(2);
        assertThat(outboxEvents("subscription.restricted", userId)).hasSize(1);
        JsonNode told = outboxEvents("subscription.restricted", userId).get(0);
        assertThat(told.path("plan").asString()).isEqualTo("pyme");
        assertThat(told.path("plan_display_name").asString()).isNotBlank();
        assertThat(told.has("email")).isTrue();
        // the same deadline, as PostgreSQL stored it (rounded to microseconds)
        assertThat(Instant.parse(told.path("grace_until").asString()))
                .isCloseTo(Instant.parse(failed.path("grace_until").asString()), within(1, ChronoUnit.MILLIS));
        assertThat(told.path("restricted_at").asString()).isNotBlank();
        JsonNode lastChange = last(outboxEvents("subscription.changed", userId));
        assertThat(lastChange.path("status").asString()).isEqualTo("restricted");
        assertThat(lastChange.path("limits").path("searches").asInt()).isEqualTo(50);

        deliverStripeEvent(event("invoice.paid", now.plusSeconds(2),
                invoice("in_fail_" + userId, customer, sub, 9990, "paid", now, monthLater)));
        assertThat(statusOf(userId)).isEqualTo("active");
        assertThat(json(get("/api/v1/subscriptions/payments", userToken(userId))).path(0).path("status").asString())
                .isEqualTo("succeeded");
    }

    private static JsonNode last(List<JsonNode> events) {
        return events.get(events.size() - 1);
    }

    @Test
    void deletedStripeSubscriptionSendsTheUserBackToFree() {
        long userId = registeredUser();
        String customer = "cus_del_" + userId;
        String sub = "sub_del_" + userId;
        deliverStripeEvent(event("customer.subscription.created", now,
                subscription(sub, customer, userId, "profesional", "active", now, monthLater, false)));
        assertThat(planOf(userId)).isEqualTo("profesional");

        deliverStripeEvent(event("customer.subscription.deleted", now.plusSeconds(5),
                subscription(sub, customer, userId, "profesional", "canceled", now, monthLater, false)));

        assertThat(planOf(userId)).isEqualTo("free");
        assertThat(last(outboxEvents("subscription.changed", userId)).path("plan").asString()).isEqualTo("free");
    }

    @Test
    void trialEndingIsAnnouncedForTheEmail() {
        long userId = registeredUser();
        String sub = "sub_trial_" + userId;
        deliverStripeEvent(event("customer.subscription.created", now,
                subscription(sub, "cus_trial_" + userId, userId, "emprendedor", "trialing", now, monthLater, false)));
        deliverStripeEvent(event("customer.subscription.trial_will_end", now.plusSeconds(1),
                subscription(sub, "cus_trial_" + userId, userId, "emprendedor", "trialing", now, monthLater, false)));

        assertThat(statusOf(userId)).isEqualTo("trialing");
        JsonNode trial = outboxEvents("subscription.trial_will_end", userId).get(0);
        assertThat(trial.path("email").asString()).isEqualTo("ana" + userId + "@pyme.cl");
    }

    @Test
    void eventForAUserWhoseSubscriptionIsNotCreatedYetIsRetriedByStripe() {
        long unknown = newUserId();
        String eventId = "evt_pending_" + unknown;
        ResponseEntity<String> response = deliverStripeEvent(event(eventId, "customer.subscription.created", now,
                subscription("sub_x_" + unknown, "cus_x_" + unknown, unknown, "pyme", "active", now, monthLater, false)));
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(json(response).path("error").asString()).isEqualTo("subscription_pending");
        assertThat(jdbc.sql("SELECT count(*) FROM stripe_events WHERE event_id = :id").param("id", eventId)
                .query(Long.class).single()).isZero();
    }
}
