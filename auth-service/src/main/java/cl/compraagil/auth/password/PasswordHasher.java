package cl.compraagil.auth.password;

import cl.compraagil.problem.ApiProblem;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with Argon2id. Checking against an unknown account hashes a dummy, so the answer
 * and its timing do not reveal whether the account exists. Comparison inside the encoder is constant time.
 */
@Component
public class PasswordHasher {

    private final Argon2PasswordEncoder encoder;
    private final Semaphore slots;
    private final String dummyHash;

    PasswordHasher(PasswordHashingProperties properties) {
        this.encoder = new Argon2PasswordEncoder(properties.saltLength(), properties.hashLength(),
                properties.parallelism(), properties.memoryKib(), properties.iterations());
        this.slots = new Semaphore(properties.maxConcurrentHashes(), true);
        this.dummyHash = encoder.encode("dummy-password-for-unknown-accounts");
    }

    public String hash(String password) {
        return guarded(() -> encoder.encode(password));
    }

    /** @param hash the stored hash, or null for an unknown account (a dummy is checked instead) */
    public boolean matches(String password, String hash) {
        boolean known = hash != null;
        boolean matches = guarded(() -> encoder.matches(password, known ? hash : dummyHash));
        return known && matches;
    }

    /** True when the hash was made with weaker parameters than today's and should be replaced at login. */
    public boolean needsRehash(String hash) {
        return encoder.upgradeEncoding(hash);
    }

    private <T> T guarded(java.util.function.Supplier<T> work) {
        try {
            if (!slots.tryAcquire(5, TimeUnit.SECONDS)) {
                throw ApiProblem.unavailable("busy", "El servicio está recibiendo muchas solicitudes; intenta en unos segundos.")
                        .withHeader("Retry-After", "5");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.unavailable("busy", "El servicio está recibiendo muchas solicitudes; intenta en unos segundos.");
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
