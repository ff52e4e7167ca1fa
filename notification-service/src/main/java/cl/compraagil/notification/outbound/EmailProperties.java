package cl.compraagil.notification.outbound;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email delivery. With no SendGrid API key (local runs) no email is sent and users read everything in the
 * in-app inbox; the key only ever comes from the {@code SENDGRID_API_KEY} environment variable.
 */
@ConfigurationProperties("notification.email")
public record EmailProperties(
        @DefaultValue("alertas@compraagil.cl") String fromAddress,
        @DefaultValue("Compra Ágil") String fromName,
        @DefaultValue Sendgrid sendgrid) {

    public record Sendgrid(
            String apiKey,
            @DefaultValue("https://api.sendgrid.com") URI baseUrl,
            @DefaultValue("3s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout) {
    }

    public boolean enabled() {
        return sendgrid.apiKey() != null && !sendgrid.apiKey().isBlank();
    }
}
