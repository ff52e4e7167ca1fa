package cl.compraagil.subscription.billing.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.compraagil.problem.ApiProblem;
import cl.compraagil.subscription.billing.BillingInterval;
import cl.compraagil.subscription.billing.BillingProperties;
import cl.compraagil.subscription.billing.BillingProvider.CheckoutRequest;
import cl.compraagil.subscription.plan.Entitlements;
import cl.compraagil.subscription.plan.Plan;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The real Stripe adapter against WireMock serving Stripe-shaped responses (recorded in src/test/resources/stripe). */
class StripeBillingProviderTest {

    private final WireMockServer stripe = new WireMockServer(options().dynamicPort());
    private StripeBillingProvider provider;

    private final Plan pyme = new Plan(3, "pyme", "Pyme", 9990, 107890, null, "price_pyme_yearly",
            new Entitlements(Map.of("ai_analysis", 10), Map.of("web_dashboard", true)), 2, true);

    @BeforeEach
    void start() {
        stripe.start();
        BillingProperties properties = new BillingProperties(
                new BillingProperties.Stripe("sk_test_123", "whsec_test", stripe.baseUrl(), Duration.ofSeconds(1),
                        Duration.ofSeconds(2), 0, Duration.ofMinutes(5)),
                new BillingProperties.Checkout("https://app.compraagil.cl/ok?s={CHECKOUT_SESSION_ID}", "https://app.compraagil.cl/pricing",
                        "https://app.compraagil.cl/account", Duration.ofHours(1)),
                new BillingProperties.Dunning(Duration.ofDays(3), Duration.ofMinutes(1)),
                URI.create("http://localhost:8080"));
        provider = StripeBillingConfiguration.create(properties);
    }

    @AfterEach
    void stop() {
        stripe.stop();
    }

    @Test
    void checkoutSessionIsASubscriptionInZeroDecimalClpWithTheIdempotencyKey() {
        stripe.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(resource("checkout_session.json"))));

        var session = provider.createCheckout(request(BillingInterval.MONTHLY, 9990));

        assertThat(session.id()).isEqualTo("cs_test_a1b2c3");
        assertThat(session.url()).startsWith("https://checkout.stripe.com/c/pay/cs_test_a1b2c3");
        stripe.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", equalTo("checkout-12-key-1"))
                .withHeader("Authorization", equalTo("Bearer sk_test_123"))
                .withRequestBody(containing("mode=subscription"))
                .withRequestBody(containing("line_items[0][price_data][currency]=clp"))
                .withRequestBody(containing("line_items[0][price_data][unit_amount]=9990"))
                .withRequestBody(containing("line_items[0][price_data][recurring][interval]=month"))
                .withRequestBody(containing("client_reference_id=12"))
                .withRequestBody(containing("subscription_data[metadata][plan]=pyme"))
                .withRequestBody(containing("customer_email=ana%40pyme.cl")));
    }

    @Test
    void configuredStripePriceIdIsUsedInsteadOfAnInlinePrice() {
        stripe.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(resource("checkout_session.json"))));

        provider.createCheckout(request(BillingInterval.YEARLY, 107890));

        stripe.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withRequestBody(containing("line_items[0][price]=price_pyme_yearly")));
    }

    @Test
    void cancelAtPeriodEndUpdatesTheStripeSubscription() {
        stripe.stubFor(post("/v1/subscriptions/sub_123").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(resource("subscription.json"))));

        provider.setCancelAtPeriodEnd("sub_123", true);

        stripe.verify(postRequestedFor(urlEqualTo("/v1/subscriptions/sub_123"))
                .withRequestBody(containing("cancel_at_period_end=true")));
    }

    @Test
    void stripeOutageIsAServiceUnavailableProblemAndOpensTheCircuit() {
        stripe.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong\"}}")));

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> provider.createCheckout(request(BillingInterval.MONTHLY, 9990)))
                    .isInstanceOfSatisfying(ApiProblem.class, p -> {
                        assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(p.error()).isEqualTo("billing_unavailable");
                    });
        }
        int callsBefore = stripe.getAllServeEvents().size();
        assertThatThrownBy(() -> provider.createCheckout(request(BillingInterval.MONTHLY, 9990)))
                .isInstanceOf(ApiProblem.class);
        assertThat(stripe.getAllServeEvents()).hasSize(callsBefore);
    }

    @Test
    void billingPortalSessionReturnsStripesUrl() {
        stripe.stubFor(post("/v1/billing_portal/sessions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(resource("billing_portal_session.json"))));

        assertThat(provider.portalUrl("cus_123")).isEqualTo("https://billing.stripe.com/p/session/test_YWNjdF8x");
        stripe.verify(postRequestedFor(urlEqualTo("/v1/billing_portal/sessions")).withRequestBody(containing("customer=cus_123")));
    }

    private CheckoutRequest request(BillingInterval interval, int amount) {
        return new CheckoutRequest(12, "ana@pyme.cl", null, pyme, interval, amount, "checkout-12-key-1",
                "https://app.compraagil.cl/ok", "https://app.compraagil.cl/pricing", Instant.now().plus(Duration.ofHours(1)));
    }

    private static String resource(String name) {
        try (var in = StripeBillingProviderTest.class.getResourceAsStream("/stripe/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
