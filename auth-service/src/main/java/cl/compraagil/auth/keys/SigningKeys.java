package cl.compraagil.auth.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key ring: which key signs now and which public keys are published. Read from the database and cached
 * briefly; creates the first key, and rotates when the signing key is older than the rotation period.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final SigningKeyRepository repository;
    private final TransactionTemplate transactions;
    private final KeyProperties properties;
    private final Clock clock;
    private volatile List<SigningKey> ring = List.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    SigningKeys(SigningKeyRepository repository, TransactionTemplate transactions, KeyProperties properties, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** The key that signs new tokens. */
    public SigningKey current() {
        Instant now = clock.instant();
        if (now.isAfter(loadedAt.plus(properties.cacheRefresh())) || ring.isEmpty()) {
            reload(now);
        }
        SigningKey signing = ring.stream().filter(SigningKey::signs).findFirst().orElse(null);
        if (signing == null || signing.createdAt().plus(properties.rotationPeriod()).isBefore(now)) {
            rotate(signing == null ? null : signing.kid());
            signing = ring.stream().filter(SigningKey::signs).findFirst().orElseThrow();
        }
        return signing;
    }

    /** Every public key a valid token may be signed with. */
    public List<SigningKey> published() {
        current();
        Instant now = clock.instant();
        return ring.stream().filter(key -> key.publishedAt(now)).toList();
    }

    /** Rereads the table, at most once per second, when a token names a kid this replica does not know. */
    public List<SigningKey> refreshedAfterUnknownKid() {
        Instant now = clock.instant();
        if (now.isAfter(loadedAt.plusSeconds(1))) {
            reload(now);
        }
        return published();
    }

    /**
     * Puts a new key in charge. The previous one stops signing but stays published for the grace period, so
     * nobody is logged out. {@code expectedCurrent} avoids two replicas rotating twice at once.
     */
    public synchronized SigningKey rotate(String expectedCurrent) {
        transactions.executeWithoutResult(status -> {
            repository.lock();
            Instant now = clock.instant();
            String active = repository.findPublished(now).stream().filter(SigningKey::signs)
                    .map(SigningKey::kid).findFirst().orElse(null);
            if (active != null && !active.equals(expectedCurrent)) {
                return; // someone else rotated meanwhile
            }
            String kid = UUID.randomUUID().toString();
            repository.insert(kid, generate(), now);
            repository.retireAllBut(kid, now, now.plus(properties.retiredKeyGrace()));
            log.info("Signing key {} now signs access tokens (previous: {})", kid, active);
        });
        reload(clock.instant());
        return ring.stream().filter(SigningKey::signs).findFirst().orElseThrow();
    }

    /** Public keys as a JWK Set (RFC 7517): never the private parts. */
    static JWKSet jwkSet(List<SigningKey> published) {
        List<JWK> jwks = published.stream()
                .<JWK>map(key -> new RSAKey.Builder(key.publicKey()).keyID(key.kid()).keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.RS256).build())
                .toList();
        return new JWKSet(jwks);
    }

    private synchronized void reload(Instant now) {
        ring = repository.findPublished(now);
        loadedAt = now;
    }

    private KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(properties.rsaBits());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
