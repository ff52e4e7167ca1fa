package cl.compraagil.subscription.billing.stripe;

import cl.compraagil.subscription.billing.BillingProperties;
import cl.compraagil.subscription.billing.BillingProvider;
import cl.compraagil.subscription.billing.LocalBillingCondition;
import com.stripe.StripeClient;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Real Stripe, used when STRIPE_SECRET_KEY is set. */
@Configuration(proxyBeanMethods = false)
@Conditional(LocalBillingCondition.Stripe.class)
class StripeBillingConfiguration {

    @Bean
    BillingProvider stripeBillingProvider(BillingProperties properties) {
        properties.webhookSecret(); // fails start-up when the webhook secret is missing
        return create(properties);
    }

    static StripeBillingProvider create(BillingProperties properties) {
        BillingProperties.Stripe config = properties.stripe();
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(config.secretKey())
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setReadTimeout((int) config.readTimeout().toMillis())
                .setMaxNetworkRetries(config.maxNetworkRetries());
        if (config.apiBase() != null && !config.apiBase().isBlank()) {
            builder.setApiBase(config.apiBase());
        }
        return new StripeBillingProvider(builder.build(), breaker(), properties.checkout().portalReturnUrl());
    }

    static CircuitBreaker breaker() {
        return CircuitBreaker.of("stripe", CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .recordException(StripeBillingProvider::isOutage)
                .build());
    }
}
