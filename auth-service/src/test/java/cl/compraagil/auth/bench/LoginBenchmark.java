package cl.compraagil.auth.bench;

import cl.compraagil.auth.password.PasswordHasher;
import cl.compraagil.auth.password.PasswordHashers;
import cl.compraagil.auth.password.PasswordHashingProperties;
import cl.compraagil.security.AccessTokenValidators;
import cl.compraagil.security.AuthenticatedUser;
import cl.compraagil.security.TokenProperties;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import io.jsonwebtoken.Jwts;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The CPU parts of a login and of a request, without the network: the Argon2id check with the service's own
 * parameters (bound exactly as the service binds them, so environment overrides apply), RS256 signing of an access
 * token with jjwt as {@code AccessTokenIssuer} does, and verifying it with a cached key through the decoder
 * configuration every service uses (RS256 only, typ at+jwt, exp/iss/aud/sub validators, then the caller record).
 * Prints a Markdown table. Argument: seconds per measurement.
 */
public final class LoginBenchmark {

    private static final String PASSWORD = "Licitar-con-calma-2026";

    private LoginBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        StandardEnvironment environment = new StandardEnvironment();
        PasswordHashingProperties p = Binder.get(environment).bindOrCreate("auth.passwords", PasswordHashingProperties.class);
        TokenProperties tokens = Binder.get(environment).bindOrCreate("security.jwt", TokenProperties.class);
        PasswordHasher hasher = PasswordHashers.of(p);
        String hash = hasher.hash(PASSWORD);
        String argon = "Argon2id m=%d KiB, t=%d, p=%d, salt %d B, hash %d B".formatted(p.memoryKib(), p.iterations(),
                p.parallelism(), p.saltLength(), p.hashLength());
        List<String> rows = new ArrayList<>();
        Work argonCheck = () -> hasher.matches(PASSWORD, hash);
        warmUp(argonCheck, 10);
        rows.add(row(argon + " check (the service's PasswordHasher), 1 thread", measure(seconds, argonCheck)));
        rows.add(row("same, " + p.maxConcurrentHashes() + " threads (the service's cap): hashes/s ceiling",
                parallel(p.maxConcurrentHashes(), seconds, argonCheck)));
        // what the service used before: Spring's encoder on BouncyCastle, 19 MiB of new objects per check
        Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(p.saltLength(), p.hashLength(), p.parallelism(),
                p.memoryKib(), p.iterations());
        Work springCheck = () -> encoder.matches(PASSWORD, hash);
        warmUp(springCheck, 10);
        rows.add(row("same check, Spring's Argon2PasswordEncoder (BouncyCastle), 1 thread", measure(seconds, springCheck)));
        rows.add(row("same, " + p.maxConcurrentHashes() + " threads", parallel(p.maxConcurrentHashes(), seconds, springCheck)));

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String[] token = new String[1];
        Work signing = () -> token[0] = sign(pair, tokens);
        warmUp(signing, 500);
        rows.add(row("RS256 access token signing (jjwt, RSA 2048)", measure(seconds, signing)));

        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID("bench").keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).build();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<SecurityContext>(new JWKSet(jwk)))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(AccessTokenValidators.typeVerifier()))
                .build();
        decoder.setJwtValidator(AccessTokenValidators.create(tokens));
        Work verifying = () -> AuthenticatedUser.of(decoder.decode(token[0]));
        warmUp(verifying, 10_000);
        rows.add(row("token verification, cached key (services' NimbusJwtDecoder + validators + caller)",
                measure(seconds, verifying)));

        System.out.println("| operation | per second (wall) | ms each (wall) | CPU ms each (thread) "
                + "| CPU ms each (process: GC and JIT included) |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.printf("%nJVM: %d CPUs, %s %s, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static String sign(KeyPair pair, TokenProperties tokens) {
        Instant now = Instant.now();
        return Jwts.builder().header().keyId("bench").type("at+jwt").and()
                .issuer(tokens.issuer()).audience().add(tokens.audience()).and().subject("12")
                .issuedAt(Date.from(now)).expiration(Date.from(now.plusSeconds(900))).id("x")
                .claim("email", "ana@pyme.cl").claim("roles", List.of("user")).claim("amr", "password")
                .signWith(pair.getPrivate(), Jwts.SIG.RS256).compact();
    }

    interface Work {
        void run() throws Exception;
    }

    /** Runs the work until the JIT has compiled it: a measurement of interpreted code says nothing of a service. */
    private static void warmUp(Work work, int operations) throws Exception {
        for (int i = 0; i < operations; i++) {
            work.run();
        }
    }

    /**
     * Operations per wall second, CPU milliseconds of the measuring thread per operation, and of the whole process
     * (garbage collection and compilation included) per operation.
     */
    record Measurement(double perSecond, double cpuMs, double processCpuMs) {
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Measurement measure(int seconds, Work work) throws Exception {
        long processStart = processCpuNanos();
        Measurement m = measureOnThisThread(seconds, work);
        double operations = m.perSecond() * seconds;
        return new Measurement(m.perSecond(), m.cpuMs(), (processCpuNanos() - processStart) / 1e6 / operations);
    }

    private static Measurement measureOnThisThread(int seconds, Work work) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long count = 0;
        while (System.nanoTime() < end) {
            work.run();
            count++;
        }
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / count;
        return new Measurement(count / ((System.nanoTime() - start) / 1e9), cpuMs, Double.NaN);
    }

    private static Measurement parallel(int threads, int seconds, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long processStart = processCpuNanos();
        try {
            List<Future<Measurement>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> measureOnThisThread(seconds, work)));
            }
            double total = 0;
            double cpu = 0;
            for (Future<Measurement> result : results) {
                total += result.get().perSecond();
                cpu += result.get().cpuMs();
            }
            return new Measurement(total, cpu / threads, (processCpuNanos() - processStart) / 1e6 / (total * seconds));
        } finally {
            pool.shutdown();
        }
    }

    private static String row(String name, Measurement m) {
        return String.format("| %s | %.1f | %.3f | %.3f | %.3f |", name, m.perSecond(), 1000.0 / m.perSecond(), m.cpuMs(),
                m.processCpuMs());
    }
}
