package cl.compraagil.auth.password;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Argon2id parameters, OWASP Password Storage Cheat Sheet minimum (m = 19 MiB, t = 2, p = 1), and how many
 * hashes may run at once: each takes 19 MiB, so 50 concurrent logins must not cost 1 GB of heap.
 */
@ConfigurationProperties("auth.passwords")
public record PasswordHashingProperties(
        @DefaultValue("19456") int memoryKib,
        @DefaultValue("2") int iterations,
        @DefaultValue("1") int parallelism,
        @DefaultValue("16") int saltLength,
        @DefaultValue("32") int hashLength,
        @DefaultValue("4") int maxConcurrentHashes) {
}
