package cl.compraagil.licitacion.catalog;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many hours before fecha_cierre an open opportunity is announced as closing, and how often to look. */
@ConfigurationProperties("licitaciones.closing")
public record ClosingProperties(
        @DefaultValue({"24", "2"}) List<Integer> windowsHours,
        @DefaultValue("5m") Duration sweepInterval) {
}
