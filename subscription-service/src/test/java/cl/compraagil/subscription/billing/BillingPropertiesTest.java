package cl.compraagil.subscription.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.mock.env.MockEnvironment;
import org.mockito.Mockito;

class BillingPropertiesTest {

    @Test
    void localModeFallsBackToTheLocalWebhookSecret() {
        assertThat(properties("", "").local()).isTrue();
        assertThat(properties("", "").webhookSecret()).isEqualTo(BillingProperties.LOCAL_WEBHOOK_SECRET);
        assertThat(properties("", "whsec_mine").webhookSecret()).isEqualTo("whsec_mine");
    }

    @Test
    void realStripeWithoutAWebhookSecretRefusesToStart() {
        assertThat(properties("sk_live_x", "").local()).isFalse();
        assertThatThrownBy(() -> properties("sk_live_x", "").webhookSecret())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("STRIPE_WEBHOOK_SECRET");
        assertThat(properties("sk_live_x", "whsec_live").webhookSecret()).isEqualTo("whsec_live");
    }

    @Test
    void stripeSecretKeyChoosesTheRealAdapter() {
        ConditionContext context = Mockito.mock(ConditionContext.class);
        MockEnvironment environment = new MockEnvironment();
        Mockito.when(context.getEnvironment()).thenReturn(environment);
        assertThat(new LocalBillingCondition().matches(context, null)).isTrue();
        environment.setProperty("billing.stripe.secret-key", "sk_test_1");
        assertThat(new LocalBillingCondition().matches(context, null)).isFalse();
        assertThat(new LocalBillingCondition.Stripe().matches(context, null)).isTrue();
    }

    private static BillingProperties properties(String secretKey, String webhookSecret) {
        return new BillingProperties(
                new BillingProperties.Stripe(secretKey, webhookSecret, null, Duration.ofSeconds(1), Duration.ofSeconds(1), 0,
                        Duration.ofMinutes(5)),
                new BillingProperties.Checkout("s", "c", "p", Duration.ofHours(1)),
                new BillingProperties.Dunning(Duration.ofDays(3), Duration.ofMinutes(1)),
                URI.create("http://localhost:8080"));
    }
}
