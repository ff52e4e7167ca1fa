package cl.compraagil.auth.bench;

import cl.compraagil.auth.password.PasswordHashingProperties;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.jsonwebtoken.Jwts;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * What a login costs on this machine, without the network: the Argon2id check with the service's parameters
 * (single thread and with the service's concurrency cap), RS256 signing of the access token, and verifying it with
 * a cached key as every resource server does. Prints a Markdown table.
 */
public final class LoginBenchmark {

    private LoginBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        PasswordHashingProperties p = new PasswordHashingProperties(19456, 2, 1, 16, 32, 4);
        Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(p.saltLength(), p.hashLength(), p.parallelism(),
                p.memoryKib(), p.iterations());
        String hash = encoder.encode("Licitar-con-calma-2026");
        for (int i = 0; i < 5; i++) {
            encoder.matches("Licitar-con-calma-2026", hash);
        }
        List<String> rows = new ArrayList<>();
        double single = perSecond(seconds, () -> encoder.matches("Licitar-con-calma-2026", hash));
        rows.add(row("Argon2id check (m=19 MiB, t=2, p=1), 1 thread", single));
        double capped = parallel(p.maxConcurrentHashes(), seconds, () -> encoder.matches("Licitar-con-calma-2026", hash));
        CPU_MS.set(Double.NaN);
        rows.add(row("Argon2id check, " + p.maxConcurrentHashes() + " threads (service cap) = logins/s ceiling", capped));

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String[] token = new String[1];
        double signing = perSecond(seconds, () -> token[0] = Jwts.builder().header().keyId("bench").type("at+jwt").and()
                .issuer("compra-agil-auth").audience().add("compra-agil-api").and().subject("12")
                .issuedAt(new Date()).expiration(Date.from(Instant.now().plusSeconds(900))).id("x")
                .claim("roles", List.of("user")).signWith(pair.getPrivate(), Jwts.SIG.RS256).compact());
        rows.add(row("RS256 access token signing (jjwt)", signing));

        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID("bench").keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).build();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(new JWKSet(jwk))));
        double verifying = perSecond(seconds, () -> processor.process(token[0], null));
        rows.add(row("RS256 token verification, cached key (Nimbus)", verifying));

        System.out.println("| operation | per second (wall) | ms each (wall) | CPU ms each |");
        System.out.println("|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.printf("%nmachine: %d CPUs, %s %s, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    interface Work {
        void run() throws Exception;
    }

    /** CPU milliseconds per operation of the last single-thread measurement: independent of other load on the machine. */
    private static final ThreadLocal<Double> CPU_MS = ThreadLocal.withInitial(() -> Double.NaN);

    private static double perSecond(int seconds, Work work) throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long count = 0;
        while (System.nanoTime() < end) {
            work.run();
            count++;
        }
        CPU_MS.set((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / count);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static double parallel(int threads, int seconds, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Double>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> perSecond(seconds, work)));
            }
            double total = 0;
            for (Future<Double> result : results) {
                total += result.get();
            }
            return total;
        } finally {
            pool.shutdown();
        }
    }

    private static String row(String name, double perSecond) {
        return String.format("| %s | %.1f | %.3f | %.3f |", name, perSecond, 1000.0 / perSecond, CPU_MS.get());
    }
}
