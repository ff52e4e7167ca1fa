package cl.compraagil.notification.outbound;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email delivery through one provider chosen by {@code EMAIL_PROVIDER}: {@code sendgrid} (the v3 API, needs
 * {@code SENDGRID_API_KEY}) or {@code smtp} (any SMTP relay, needs {@code SMTP_HOST}). Without the provider's
 * credentials (local runs) no email is sent and users read everything in the in-app inbox.
 */
@ConfigurationProperties("notification.email")
public record EmailProperties(
        @DefaultValue("sendgrid") String provider,
        @DefaultValue("alertas@compraagil.cl") String fromAddress,
        @DefaultValue("Compra Ágil") String fromName,
        @DefaultValue Sendgrid sendgrid,
        @DefaultValue Smtp smtp) {

    public static final String SENDGRID = "sendgrid";
    public static final String SMTP = "smtp";

    public EmailProperties {
        if (!SENDGRID.equals(provider) && !SMTP.equals(provider)) {
            throw new IllegalArgumentException("EMAIL_PROVIDER must be sendgrid or smtp, not " + provider);
        }
    }

    public record Sendgrid(
            String apiKey,
            @DefaultValue("https://api.sendgrid.com") URI baseUrl,
            @DefaultValue("3s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout) {
    }

    /**
     * An SMTP relay (SendGrid's, SES, Mailgun, a company server). {@code starttls} is required by default so
     * credentials and messages never cross the network in clear; {@code ssl} is for implicit TLS on port 465.
     */
    public record Smtp(
            String host,
            @DefaultValue("587") int port,
            String username,
            String password,
            @DefaultValue("true") boolean starttls,
            @DefaultValue("false") boolean ssl,
            @DefaultValue("3s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout) {
    }

    public boolean enabled() {
        return SMTP.equals(provider) ? present(smtp.host()) : present(sendgrid.apiKey());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
