package cl.compraagil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's acceptance through the gateway on the packaged suite: the free plan's daily AI quota, buying a plan on
 * the local checkout page and its effect on the very next request, and the Stripe webhook's guarantees (signature,
 * exactly-once effects, newest state wins, dunning with the suite's 20-second grace period).
 */
class BillingAcceptanceTest {

    private static final String PASSWORD = "Licitar-2026!seguro";
    private static final String AI_ANALYSIS = "/api/v1/ml/recommend/price";
    private static final String AI_BODY = "{\"product\":\"resma papel carta\",\"quantity\":10}";

    private static Gateway gateway;
    private static BillingStripe stripe;
    private static AuthzOperator operator;

    @BeforeAll
    static void startSuite() {
        RunningSuite suite = RunningSuite.get();
        gateway = new Gateway(suite.gatewayUrl());
        stripe = new BillingStripe(gateway);
        operator = new AuthzOperator(suite);
        operator.resetPerAddressLimits();
    }

    @Test
    void freeUsersThirdAnalysisIsRefusedUntilTheCheckoutMakesThemEmprendedorWithoutLoggingInAgain() {
        User user = newUser("cuota");
        for (int i = 1; i <= 2; i++) {
            HttpResponse<String> allowed = analysis(user.token());
            assertThat(allowed.statusCode()).as("analysis %d: %s", i, allowed.body()).isNotEqualTo(429).isLessThan(500);
            assertThat(allowed.headers().firstValue("RateLimit-Policy").orElse("")).contains("\"ai_analysis\";q=2;w=86400");
            assertThat(allowed.headers().firstValue("RateLimit").orElse("")).contains("\"ai_analysis\";r=" + (2 - i) + ";");
        }

        HttpResponse<String> third = analysis(user.token());
        assertThat(third.statusCode()).as(third.body()).isEqualTo(429);
        assertThat(third.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        long retryAfter = Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).as("seconds to Chile's midnight").isBetween(1L, 25L * 3600);
        assertThat(third.headers().firstValue("RateLimit-Policy").orElse("")).contains("\"ai_analysis\";q=2;w=86400");
        assertThat(third.headers().firstValue("RateLimit").orElse("")).contains("\"ai_analysis\";r=0;");
        assertThat((Integer) JsonPath.read(third.body(), "$.status")).isEqualTo(429);
        assertThat((String) JsonPath.read(third.body(), "$.title")).isEqualTo("Too Many Requests");
        assertThat((String) JsonPath.read(third.body(), "$.error")).isEqualTo("rate_limit_exceeded");
        assertThat((String) JsonPath.read(third.body(), "$.detail")).isEqualTo("Has excedido el límite de 2 ai_analysis por día");
        assertThat((String) JsonPath.read(third.body(), "$.current_plan")).isEqualTo("free");
        assertThat((Integer) JsonPath.read(third.body(), "$.limit")).isEqualTo(2);
        assertThat((String) JsonPath.read(third.body(), "$.resource")).isEqualTo("ai_analysis");
        assertThat((String) JsonPath.read(third.body(), "$.upgrade_url")).isEqualTo("/pricing");

        stripe.buy(user.token(), "emprendedor");

        // same token as before the purchase: the gateway reads the plan from its cache fed by subscription.changed
        long started = System.nanoTime();
        HttpResponse<String> after = analysis(user.token());
        while (after.statusCode() == 429 && Duration.ofNanos(System.nanoTime() - started).toMillis() < 10_000) {
            Gateway.sleep(200);
            after = analysis(user.token());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(after.statusCode()).as("third analysis after paying (%d ms): %s", took.toMillis(), after.body())
                .isNotEqualTo(429).isLessThan(500);
        assertThat(after.headers().firstValue("RateLimit-Policy").orElse("")).contains("\"ai_analysis\";q=5;w=86400");
        assertThat(operator.count("subscription", "SELECT count(*) FROM payments WHERE user_id = ? AND status = 'succeeded'",
                user.id())).isEqualTo(1);
    }

    @Test
    void theSameEventDeliveredTwentyTimesChangesTheSubscriptionOnceAndRecordsOnePayment() throws Exception {
        User user = newUser("duplicado");
        BillingStripe.Customer customer = BillingStripe.Customer.of(user.id());
        long changesBefore = subscriptionChanges(user.id());

        String completed = customer.checkoutCompleted("emprendedor", Instant.now().minusSeconds(60));
        List<HttpResponse<String>> answers = deliverConcurrently(completed, 20);
        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
        assertThat(answers).filteredOn(a -> a.body().contains("\"duplicate\":false")).hasSize(1);
        assertThat(subscriptionChanges(user.id())).as("one subscription.changed for twenty deliveries")
                .isEqualTo(changesBefore + 1);
        assertThat(plan(user.token())).isEqualTo("emprendedor");

        long changesAfterCheckout = subscriptionChanges(user.id());
        String invoiceId = "in_e2e_" + BillingStripe.Customer.random();
        String paid = customer.invoice("invoice.paid", invoiceId, 4990, Instant.now().minusSeconds(30));
        List<HttpResponse<String>> invoiceAnswers = deliverConcurrently(paid, 20);
        assertThat(invoiceAnswers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
        assertThat(invoiceAnswers).filteredOn(a -> a.body().contains("\"duplicate\":false")).hasSize(1);
        assertThat(operator.count("subscription", "SELECT count(*) FROM payments WHERE user_id = ?", user.id()))
                .as("one payment row for twenty deliveries of one invoice").isEqualTo(1);
        assertThat(operator.count("subscription", "SELECT count(*) FROM payments WHERE stripe_invoice_id = ?", invoiceId))
                .isEqualTo(1);
        assertThat(subscriptionChanges(user.id()) - changesAfterCheckout).isLessThanOrEqualTo(1);
        HttpResponse<String> payments = gateway.get("/api/v1/subscriptions/payments", user.token());
        assertThat(payments.statusCode()).as(payments.body()).isEqualTo(200);
        assertThat(payments.body()).contains("4990");
    }

    @Test
    void badOrStaleSignaturesAre400AndChangeNothing() {
        User user = newUser("firma");
        BillingStripe.Customer customer = BillingStripe.Customer.of(user.id());
        String event = customer.checkoutCompleted("profesional", Instant.now().minusSeconds(5));
        String eventId = JsonPath.read(event, "$.id");

        List<String> forged = List.of(
                BillingStripe.signature(event, "whsec_wrong_secret", Instant.now()),
                BillingStripe.signature(event, BillingStripe.WEBHOOK_SECRET, Instant.now().minusSeconds(3600)),
                BillingStripe.signature(event.replace("profesional", "emprendedor"), BillingStripe.WEBHOOK_SECRET, Instant.now()),
                "t=" + Instant.now().getEpochSecond() + ",v1=",
                "");
        for (String signature : forged) {
            HttpResponse<String> refused = stripe.deliver(event, signature);
            assertThat(refused.statusCode()).as("signature [%s]: %s", signature, refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(refused.body()).contains("invalid_signature");
        }
        assertThat(plan(user.token())).isEqualTo("free");
        assertThat(operator.count("subscription", "SELECT count(*) FROM stripe_events WHERE event_id = ?", eventId)).isZero();

        // the same bytes correctly signed are applied: the refusals above were the signature's doing
        HttpResponse<String> accepted = stripe.deliver(event);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(plan(user.token())).isEqualTo("profesional");
    }

    @Test
    void anOlderSubscriptionUpdateArrivingAfterANewerOneChangesNothing() {
        User user = newUser("orden");
        BillingStripe.Customer customer = BillingStripe.Customer.of(user.id());
        Instant now = Instant.now();
        assertThat(stripe.deliver(customer.checkoutCompleted("emprendedor", now.minusSeconds(120))).statusCode()).isEqualTo(200);
        assertThat(plan(user.token())).isEqualTo("emprendedor");

        HttpResponse<String> newer = stripe.deliver(customer.subscriptionUpdated("pyme", "active", now.minusSeconds(10)));
        assertThat(newer.statusCode()).as(newer.body()).isEqualTo(200);
        assertThat(plan(user.token())).isEqualTo("pyme");

        HttpResponse<String> older = stripe.deliver(customer.subscriptionUpdated("emprendedor", "active", now.minusSeconds(60)));
        assertThat(older.statusCode()).as(older.body()).isEqualTo(200);
        HttpResponse<String> current = gateway.get("/api/v1/subscriptions/current", user.token());
        assertThat((String) JsonPath.read(current.body(), "$.plan")).as(current.body()).isEqualTo("pyme");
        assertThat((String) JsonPath.read(current.body(), "$.status")).isEqualTo("active");

        // an older cancellation does not end the newer paid state either
        HttpResponse<String> oldCancel = stripe.deliver(customer.subscriptionUpdated("pyme", "canceled", now.minusSeconds(30)));
        assertThat(oldCancel.statusCode()).as(oldCancel.body()).isEqualTo(200);
        assertThat(plan(user.token())).isEqualTo("pyme");
    }

    @Test
    void aFailedPaymentMakesTheSubscriptionPastDueThenRestrictedToFreeLimitsAfterTheGracePeriod() {
        User user = newUser("moroso");
        BillingStripe.Customer customer = BillingStripe.Customer.of(user.id());
        Instant now = Instant.now();
        assertThat(stripe.deliver(customer.checkoutCompleted("emprendedor", now.minusSeconds(120))).statusCode()).isEqualTo(200);
        assertThat(plan(user.token())).isEqualTo("emprendedor");

        String failedInvoice = "in_e2e_" + BillingStripe.Customer.random();
        HttpResponse<String> failed = stripe.deliver(customer.invoice("invoice.payment_failed", failedInvoice, 4990,
                now.minusSeconds(5)));
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(200);
        HttpResponse<String> pastDue = gateway.get("/api/v1/subscriptions/current", user.token());
        assertThat((String) JsonPath.read(pastDue.body(), "$.status")).as(pastDue.body()).isEqualTo("past_due");
        assertThat((String) JsonPath.read(pastDue.body(), "$.grace_until")).isNotBlank();
        assertThat((Integer) JsonPath.read(pastDue.body(), "$.limits.ai_analysis")).as("paid limits during the grace period")
                .isEqualTo(5);
        assertThat(operator.count("subscription", "SELECT count(*) FROM payments WHERE stripe_invoice_id = ? AND status = 'failed'",
                failedInvoice)).isEqualTo(1);

        // BILLING_GRACE_PERIOD=20s and BILLING_GRACE_CHECK_INTERVAL=2s in the suite
        HttpResponse<String> restricted = gateway.await("/api/v1/subscriptions/current", user.token(),
                r -> r.statusCode() == 200 && "restricted".equals(JsonPath.read(r.body(), "$.status")), Duration.ofSeconds(50));
        assertThat((String) JsonPath.read(restricted.body(), "$.status")).as(restricted.body()).isEqualTo("restricted");
        assertThat((Integer) JsonPath.read(restricted.body(), "$.limits.ai_analysis")).as("free limits once restricted")
                .isEqualTo(2);

        // a later successful payment ends the restriction
        HttpResponse<String> paid = stripe.deliver(customer.invoice("invoice.paid", "in_e2e_" + BillingStripe.Customer.random(),
                4990, Instant.now()));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        HttpResponse<String> active = gateway.get("/api/v1/subscriptions/current", user.token());
        assertThat((String) JsonPath.read(active.body(), "$.status")).as(active.body()).isEqualTo("active");
        assertThat((Integer) JsonPath.read(active.body(), "$.limits.ai_analysis")).isEqualTo(5);
    }

    record User(long id, String token) {
    }

    private static User newUser(String label) {
        String token = gateway.registerAndLogin("billing-" + label + "+" + UUID.randomUUID() + "@pyme.cl", PASSWORD);
        HttpResponse<String> current = gateway.await("/api/v1/subscriptions/current", token, r -> r.statusCode() == 200,
                Duration.ofSeconds(30));
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        HttpResponse<String> me = gateway.get("/api/v1/auth/me", token);
        return new User(((Number) JsonPath.read(me.body(), "$.id")).longValue(), token);
    }

    private static HttpResponse<String> analysis(String token) {
        return gateway.postJson(AI_ANALYSIS, AI_BODY, token);
    }

    private static String plan(String token) {
        HttpResponse<String> current = gateway.get("/api/v1/subscriptions/current", token);
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        return JsonPath.read(current.body(), "$.plan");
    }

    private static long subscriptionChanges(long userId) {
        return operator.count("subscription",
                "SELECT count(*) FROM outbox_events WHERE event_type = 'subscription.changed' AND event_key = ?",
                Long.toString(userId));
    }

    private static List<HttpResponse<String>> deliverConcurrently(String payload, int times) throws Exception {
        // the webhook is a public route with a per-address burst limit, and every test request comes from 127.0.0.1
        operator.resetPerAddressLimits();
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                futures.add(pool.submit(() -> stripe.deliver(payload)));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
