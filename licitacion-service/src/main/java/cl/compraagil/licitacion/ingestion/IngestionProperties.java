package cl.compraagil.licitacion.ingestion;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When and how much to poll. Cron expressions are read in Chile time: Compra Ágil every 15 minutes on
 * working hours (processes close within hours), licitaciones hourly.
 */
@ConfigurationProperties("ingestion")
public record IngestionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0 */15 8-20 * * MON-FRI") String compraAgilCron,
        @DefaultValue("0 5 * * * *") String licitacionesCron,
        @DefaultValue("10m") Duration changeWindowOverlap,
        @DefaultValue("24h") Duration initialLookback,
        @DefaultValue("20") int maxPages,
        @DefaultValue("20") int compraAgilDetailsPerRun,
        @DefaultValue("100") int licitacionesDetailsPerRun,
        @DefaultValue("true") boolean localLoad,
        @DefaultValue("300") int localGenerated,
        @DefaultValue("2026") long localSeed) {
}
