package cl.compraagil.gateway.apikey;

import cl.compraagil.gateway.routing.ServiceClients;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * Trades API keys for access tokens at auth-service and remembers each token until shortly before it
 * expires (at most a minute, so a revoked key stops working within that time). Keys are cached by their
 * SHA-256, never in clear.
 */
@Component
class ApiKeyExchanger {

    static final String HEADER = "X-API-Key";

    private final WebClient authService;
    private final ApiKeyProperties properties;
    private final ReactiveCircuitBreaker breaker;
    private final Cache<String, Exchange.Granted> tokens;

    ApiKeyExchanger(ServiceClients clients, ApiKeyProperties properties, ReactiveCircuitBreakerFactory<?, ?> breakers) {
        this.authService = clients.forService("auth-service", properties.timeout());
        this.properties = properties;
        this.breaker = breakers.create("api-key-exchange");
        // upkeep on the reading thread, as for verified tokens (security.VerifiedTokens)
        this.tokens = Caffeine.newBuilder().maximumSize(properties.maxCachedKeys()).executor(Runnable::run)
                .expireAfter(Expiry.<String, Exchange.Granted>creating((key, granted) -> granted.cacheFor()))
                .build();
    }

    Mono<Exchange> exchange(String apiKey) {
        String fingerprint = sha256(apiKey);
        Exchange.Granted cached = tokens.getIfPresent(fingerprint);
        if (cached != null) {
            return Mono.just(cached);
        }
        return breaker.run(call(apiKey), failure -> Mono.just(new Exchange.Unavailable(failure)))
                .doOnNext(outcome -> {
                    if (outcome instanceof Exchange.Granted granted) {
                        tokens.put(fingerprint, granted);
                    }
                });
    }

    private Mono<Exchange> call(String apiKey) {
        return authService.post().uri(properties.exchangePath()).header(HEADER, apiKey)
                .exchangeToMono(response -> {
                    HttpStatus status = HttpStatus.resolve(response.statusCode().value());
                    if (status == HttpStatus.OK) {
                        return response.bodyToMono(JsonNode.class).map(this::granted);
                    }
                    if (status == HttpStatus.UNAUTHORIZED) {
                        return response.releaseBody().thenReturn((Exchange) new Exchange.Rejected());
                    }
                    if (status == HttpStatus.FORBIDDEN) {
                        return response.releaseBody().thenReturn((Exchange) new Exchange.PlanRequired());
                    }
                    return response.createError();
                })
                .retryWhen(Retry.fixedDelay(1, Duration.ofMillis(100)).filter(ApiKeyExchanger::isConnectFailure))
                .timeout(properties.timeout());
    }

    private Exchange granted(JsonNode body) {
        String token = body.path("access_token").asString();
        long expiresIn = body.path("expires_in").asLong(60);
        Duration lifetime = Duration.ofSeconds(Math.max(0, expiresIn - 5));
        Duration cacheFor = lifetime.compareTo(properties.maxCacheTime()) < 0 ? lifetime : properties.maxCacheTime();
        return new Exchange.Granted(token, cacheFor);
    }

    private static boolean isConnectFailure(Throwable failure) {
        return failure instanceof java.net.ConnectException
                || failure.getCause() instanceof java.net.ConnectException;
    }

    static String sha256(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
