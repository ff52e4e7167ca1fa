package cl.compraagil.notification.outbound;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How the send queue polls, leases and retries messages. */
@ConfigurationProperties("notification.outbound")
public record OutboundProperties(
        @DefaultValue("true") boolean dispatcherEnabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("2m") Duration lease,
        @DefaultValue({"30s", "2m", "10m", "30m", "1h", "3h"}) List<Duration> retrySchedule,
        @DefaultValue("30s") Duration digestInterval) {
}
