package cl.compraagil.auth.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Links emailed to users and how long their tokens live.
 *
 * @param publicBaseUrl where users open the front end ({@code APP_PUBLIC_URL})
 */
@ConfigurationProperties("auth.links")
public record LinkProperties(
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("48h") Duration emailVerificationLifetime,
        @DefaultValue("30m") Duration passwordResetLifetime,
        @DefaultValue("7d") Duration invitationLifetime) {

    public String link(String path, String token) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + path + "?token=" + token;
    }
}
