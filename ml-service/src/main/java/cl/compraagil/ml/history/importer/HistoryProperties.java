package cl.compraagil.ml.history.importer;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Market-history settings: currency rates to CLP ({@code CLF=39500,USD=950}; a currency without a rate is
 * excluded), the folder the scheduled job imports new monthly files from, and the synthetic history
 * generated at start when the database holds none.
 */
@ConfigurationProperties("ml.history")
public record HistoryProperties(
        @DefaultValue("") String currencyRates,
        Path inboxDir,
        @DefaultValue("PT1H") Duration inboxScanInterval,
        @DefaultValue("true") boolean bootstrapWhenEmpty,
        @DefaultValue("18") int bootstrapMonths,
        @DefaultValue("1500") int bootstrapQuotationsPerMonth,
        @DefaultValue("1000") int maxStoredRejects) {
}
