package cl.compraagil.auth.keys;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How signing keys live.
 *
 * @param rotationPeriod age after which the signing key is replaced automatically
 * @param retiredKeyGrace how long a replaced public key stays in the JWKS: longer than any access token plus clock skew
 * @param cacheRefresh how often a replica rereads the key table (another replica may have rotated)
 */
@ConfigurationProperties("auth.keys")
public record KeyProperties(
        @DefaultValue("30d") Duration rotationPeriod,
        @DefaultValue("20m") Duration retiredKeyGrace,
        @DefaultValue("30s") Duration cacheRefresh,
        @DefaultValue("2048") int rsaBits) {
}
