package cl.compraagil.gateway.quota;

import cl.compraagil.gateway.routing.ServiceClients;
import java.time.Duration;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * Asks subscription-service for a user's entitlements, with the user's own token, when Redis holds no
 * limits for them (first request after a flush or expiry); the answer is stored for every instance.
 */
@Component
class EntitlementsClient {

    private final WebClient subscriptionService;
    private final QuotaProperties properties;
    private final ReactiveCircuitBreaker breaker;
    private final PlanStore plans;

    EntitlementsClient(ServiceClients clients, QuotaProperties properties, ReactiveCircuitBreakerFactory<?, ?> breakers,
            PlanStore plans) {
        this.subscriptionService = clients.forService("subscription-service", properties.entitlementsTimeout());
        this.properties = properties;
        this.breaker = breakers.create("entitlements");
        this.plans = plans;
    }

    Mono<PlanLimits> load(long userId, String accessToken) {
        Mono<PlanLimits> call = subscriptionService.get().uri(properties.entitlementsPath())
                .headers(headers -> headers.setBearerAuth(accessToken))
                .retrieve().bodyToMono(JsonNode.class)
                .map(PlanLimits::from)
                .map(limits -> new PlanLimits(userId, limits.plan(), limits.limits(), limits.changedAt()))
                .retryWhen(Retry.fixedDelay(1, Duration.ofMillis(100)))
                .timeout(properties.entitlementsTimeout().multipliedBy(2));
        return breaker.run(call, Mono::error).flatMap(limits -> plans.save(limits).thenReturn(limits));
    }
}
