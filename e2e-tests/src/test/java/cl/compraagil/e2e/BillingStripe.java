package cl.compraagil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe as seen by the suite: events in Stripe's JSON shape, signed the way Stripe signs them, posted through the
 * gateway to the real webhook endpoint; and the paid flow of the local checkout page.
 *
 * <p>The suite runs without {@code STRIPE_SECRET_KEY} and without {@code STRIPE_WEBHOOK_SECRET}, so
 * subscription-service verifies with {@code BillingProperties.LOCAL_WEBHOOK_SECRET}, the secret its local checkout
 * page signs with (LaunchOptions.local sets no Stripe variable).
 */
final class BillingStripe {

    static final String WEBHOOK_SECRET = "whsec_local_development_only";
    static final String WEBHOOK_PATH = "/api/v1/webhooks/stripe";

    private final Gateway gateway;

    BillingStripe(Gateway gateway) {
        this.gateway = gateway;
    }

    /** Checkout through the API, then "Pagar" on the local checkout page; returns when the plan is in place. */
    void buy(String token, String plan) {
        HttpResponse<String> checkout = gateway.exchange("POST", "/api/v1/subscriptions/checkout",
                "{\"plan\":\"" + plan + "\",\"interval\":\"monthly\"}", token, "Content-Type", "application/json",
                "Idempotency-Key", "e2e-" + UUID.randomUUID());
        assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(200);
        String url = JsonPath.read(checkout.body(), "$.url");
        String path = url.substring(url.indexOf("/api/v1/"));
        HttpResponse<String> page = gateway.get(path, null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Pagar").contains("/pay");
        HttpResponse<String> paid = gateway.exchange("POST", path + "/pay", null, null);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(303);
        HttpResponse<String> current = gateway.await("/api/v1/subscriptions/current", token,
                r -> r.statusCode() == 200 && plan.equals(JsonPath.read(r.body(), "$.plan")), Duration.ofSeconds(30));
        assertThat((String) JsonPath.read(current.body(), "$.plan")).as(current.body()).isEqualTo(plan);
    }

    HttpResponse<String> deliver(String payload) {
        return deliver(payload, signature(payload, WEBHOOK_SECRET, Instant.now()));
    }

    HttpResponse<String> deliver(String payload, String signatureHeader) {
        return gateway.exchange("POST", WEBHOOK_PATH, payload, null, "Content-Type", "application/json",
                "Stripe-Signature", signatureHeader);
    }

    /** Stripe's scheme: {@code t=<unix>,v1=hex(HMAC-SHA256(secret, "<t>.<payload>"))}. */
    static String signature(String payload, String secret, Instant at) {
        long t = at.getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A paid Stripe subscription of one user, with the ids Stripe would have given it. */
    record Customer(long userId, String customer, String subscription) {

        static Customer of(long userId) {
            String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
            return new Customer(userId, "cus_e2e_" + suffix, "sub_e2e_" + suffix);
        }

        String checkoutCompleted(String plan, Instant created) {
            return event("checkout.session.completed", created, """
                    {"id":"cs_e2e_%s","object":"checkout.session","mode":"subscription","status":"complete",
                     "payment_status":"paid","client_reference_id":"%d","customer":"%s","subscription":"%s",
                     "amount_total":4990,"currency":"clp","metadata":%s}
                    """.formatted(random(), userId, customer, subscription, metadata(plan)));
        }

        String subscriptionUpdated(String plan, String status, Instant created) {
            long start = created.getEpochSecond();
            long end = created.plus(Duration.ofDays(30)).getEpochSecond();
            return event("customer.subscription.updated", created, """
                    {"id":"%s","object":"subscription","customer":"%s","status":"%s","cancel_at_period_end":false,
                     "created":%d,"currency":"clp","current_period_start":%d,"current_period_end":%d,
                     "items":{"object":"list","data":[{"id":"si_e2e_%s","object":"subscription_item",
                       "current_period_start":%d,"current_period_end":%d,
                       "price":{"id":"price_local_%s_monthly","object":"price","currency":"clp","recurring":{"interval":"month"}}}]},
                     "metadata":%s}
                    """.formatted(subscription, customer, status, start, start, end, random(), start, end, plan, metadata(plan)));
        }

        String invoice(String type, String invoiceId, long amount, Instant created) {
            boolean paid = type.equals("invoice.paid");
            long start = created.getEpochSecond();
            long end = created.plus(Duration.ofDays(30)).getEpochSecond();
            return event(type, created, """
                    {"id":"%s","object":"invoice","customer":"%s","subscription":"%s","status":"%s",
                     "billing_reason":"subscription_cycle","amount_due":%d,"amount_paid":%d,"currency":"clp",
                     "payment_intent":"pi_e2e_%s","attempt_count":1,"created":%d,
                     "parent":{"type":"subscription_details","subscription_details":{"subscription":"%s","metadata":{"user_id":"%d"}}},
                     "lines":{"object":"list","data":[{"amount":%d,"period":{"start":%d,"end":%d}}]}}
                    """.formatted(invoiceId, customer, subscription, paid ? "paid" : "open", amount, paid ? amount : 0,
                    random(), start, subscription, userId, amount, start, end));
        }

        private String metadata(String plan) {
            return "{\"user_id\":\"" + userId + "\",\"plan\":\"" + plan + "\",\"interval\":\"monthly\"}";
        }

        private static String event(String type, Instant created, String object) {
            return "{\"id\":\"evt_e2e_" + random() + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"created\":"
                    + created.getEpochSecond() + ",\"livemode\":false,\"pending_webhooks\":1,\"data\":{\"object\":"
                    + object.strip() + "}}";
        }

        static String random() {
            return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        }
    }
}
