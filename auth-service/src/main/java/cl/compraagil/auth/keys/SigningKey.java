package cl.compraagil.auth.keys;

import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;

/** One RSA key pair: the newest unretired one signs, every published one verifies. */
public record SigningKey(String kid, RSAPublicKey publicKey, PrivateKey privateKey, Instant createdAt,
        Instant retiredAt, Instant publishedUntil) {

    boolean signs() {
        return retiredAt == null;
    }

    boolean publishedAt(Instant now) {
        return publishedUntil == null || publishedUntil.isAfter(now);
    }
}
