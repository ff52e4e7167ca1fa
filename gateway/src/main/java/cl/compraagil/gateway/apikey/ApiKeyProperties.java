package cl.compraagil.gateway.apikey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How the gateway trades an {@code X-API-Key} for a short-lived access token at auth-service. */
@ConfigurationProperties("gateway.api-keys")
record ApiKeyProperties(
        @DefaultValue("/api/v1/auth/api-keys/exchange") String exchangePath,
        @DefaultValue("60s") Duration maxCacheTime,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("10000") long maxCachedKeys) {
}
