package cl.compraagil.auth.password;

import cl.compraagil.problem.ApiProblem;
import java.lang.ref.SoftReference;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bouncycastle.util.Strings;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with Argon2id. Checking against an unknown account hashes a dummy, so the answer
 * and its timing do not reveal whether the account exists. Comparison is constant time.
 *
 * <p>Each of the {@code maxConcurrentHashes} slots keeps its Argon2 working memory between hashes: allocating
 * 19 MiB per login made the garbage collector, not the hash, the largest cost of a login. Hashes are written in
 * Spring Security's format, and anything other than Argon2id v=19 is still checked by Spring's encoder.
 */
@Component
public class PasswordHasher {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordHashingProperties properties;
    private final Argon2PasswordEncoder springEncoder;
    private final Semaphore slots;
    /** Soft: kept while logins come, handed back to the collector if the heap runs short. */
    private final Queue<SoftReference<long[]>> memories = new ConcurrentLinkedQueue<>();
    private final int memoryLongs;
    private final String dummyHash;

    PasswordHasher(PasswordHashingProperties properties) {
        this.properties = properties;
        this.springEncoder = new Argon2PasswordEncoder(properties.saltLength(), properties.hashLength(),
                properties.parallelism(), properties.memoryKib(), properties.iterations());
        this.slots = new Semaphore(properties.maxConcurrentHashes(), true);
        this.memoryLongs = Argon2id.memoryLongs(properties.memoryKib(), properties.parallelism());
        this.dummyHash = hash("dummy-password-for-unknown-accounts");
    }

    public String hash(String password) {
        byte[] salt = new byte[properties.saltLength()];
        RANDOM.nextBytes(salt);
        byte[] tag = compute(password, properties.memoryKib(), properties.iterations(), properties.parallelism(), salt,
                properties.hashLength());
        return new Argon2idHash(properties.memoryKib(), properties.iterations(), properties.parallelism(), salt, tag)
                .encoded();
    }

    /** @param hash the stored hash, or null for an unknown account (a dummy is checked instead) */
    public boolean matches(String password, String hash) {
        if (password == null) {
            return false;
        }
        boolean known = hash != null;
        String checked = known ? hash : dummyHash;
        Optional<Argon2idHash> stored = Argon2idHash.parse(checked);
        boolean matches = stored.map(h -> MessageDigest.isEqual(h.hash(),
                        compute(password, h.memoryKib(), h.iterations(), h.parallelism(), h.salt(), h.hash().length)))
                .orElseGet(() -> guarded(() -> springEncoder.matches(password, checked)));
        return known && matches && !password.isEmpty();
    }

    /** True when the hash was made with weaker parameters than today's and should be replaced at login. */
    public boolean needsRehash(String hash) {
        return springEncoder.upgradeEncoding(hash);
    }

    private byte[] compute(String password, int memoryKib, int iterations, int parallelism, byte[] salt,
            int tagLength) {
        // the same bytes Spring's encoder hashed (BouncyCastle's UTF-8 conversion), so stored hashes still match
        byte[] bytes = Strings.toUTF8ByteArray(password.toCharArray());
        return withMemory(Argon2id.memoryLongs(memoryKib, parallelism), memory -> Argon2id.hash(bytes, salt, null,
                null, memoryKib, iterations, parallelism, tagLength, memory));
    }

    /** Runs in a slot with reused working memory; a hash with other parameters than today's gets its own. */
    private <T> T withMemory(int needed, Function<long[], T> work) {
        return guarded(() -> {
            SoftReference<long[]> kept = needed == memoryLongs ? memories.poll() : null;
            long[] memory = kept == null ? null : kept.get();
            if (memory == null) {
                memory = new long[needed];
            }
            try {
                return work.apply(memory);
            } finally {
                if (needed == memoryLongs) {
                    memories.offer(new SoftReference<>(memory));
                }
            }
        });
    }

    private <T> T guarded(Supplier<T> work) {
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
