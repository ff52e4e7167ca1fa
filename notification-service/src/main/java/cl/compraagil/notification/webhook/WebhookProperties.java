package cl.compraagil.notification.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Customer webhook delivery. {@code allowedHosts} ({@code WEBHOOK_ALLOWED_HOSTS}: host names or CIDRs) is the
 * operator's allow-list that opens private, loopback or plain-http destinations, e.g. for local runs.
 */
@ConfigurationProperties("notification.webhooks")
public record WebhookProperties(
        @DefaultValue List<String> allowedHosts,
        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> retrySchedule,
        @DefaultValue("0.2") double jitter,
        @DefaultValue("true") boolean dispatcherEnabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("8") int concurrency,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration requestTimeout,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("5d") Duration disableAfter,
        @DefaultValue("24h") Duration previousSecretValidity,
        @DefaultValue("10") int maxEndpointsPerUser,
        @DefaultValue("http://localhost:8080/precios") String upgradeUrl) {
}
