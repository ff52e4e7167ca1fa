package cl.compraagil.gateway.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The issuer's public keys, kept in memory. A token with an unknown {@code kid} triggers a refetch (a key
 * was rotated), but at most once per cool-down, so forged key ids cannot turn the gateway into a load
 * generator against auth-service; concurrent requests share one fetch. Keys are also refreshed when older
 * than their maximum age; a fetch that brings a different key set is announced, so tokens verified with the
 * old set are checked again.
 */
final class CachedJwkSource implements Function<SignedJWT, Flux<JWK>> {

    private static final Duration FAILED_FETCH_PAUSE = Duration.ofSeconds(2);

    private record Snapshot(JWKSet keys, Instant fetchedAt) {
    }

    private final WebClient client;
    private final URI jwksUri;
    private final Duration cooldown;
    private final Duration maxAge;
    private final Clock clock;
    private final Runnable onNewKeys;
    private final AtomicReference<Mono<JWKSet>> inFlight = new AtomicReference<>();
    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(new JWKSet(), Instant.EPOCH));

    CachedJwkSource(WebClient client, URI jwksUri, Duration cooldown, Duration maxAge, Clock clock, Runnable onNewKeys) {
        this.client = client;
        this.jwksUri = jwksUri;
        this.cooldown = cooldown;
        this.maxAge = maxAge;
        this.clock = clock;
        this.onNewKeys = onNewKeys;
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        Snapshot snapshot = current.get();
        Instant now = clock.instant();
        List<JWK> found = selector.select(snapshot.keys());
        boolean stale = snapshot.fetchedAt().plus(maxAge).isBefore(now);
        boolean mayRefetch = snapshot.fetchedAt().plus(cooldown).isBefore(now);
        if (!found.isEmpty() && !stale || found.isEmpty() && !mayRefetch) {
            return Flux.fromIterable(found);
        }
        return fetch(now).map(selector::select)
                .onErrorResume(failure -> Mono.just(found))
                .flatMapMany(Flux::fromIterable);
    }

    /** One fetch at a time: the requests that need keys while it runs all wait for the same answer. */
    private Mono<JWKSet> fetch(Instant now) {
        Mono<JWKSet> running = inFlight.get();
        if (running != null) {
            return running;
        }
        Mono<JWKSet> call = request(now).doFinally(signal -> inFlight.set(null)).share();
        return inFlight.compareAndSet(null, call) ? call : fetch(now);
    }

    private Mono<JWKSet> request(Instant now) {
        return client.get().uri(jwksUri).retrieve().bodyToMono(String.class)
                .timeout(Duration.ofSeconds(3))
                .map(CachedJwkSource::parse)
                .doOnNext(keys -> {
                    Snapshot previous = current.getAndSet(new Snapshot(keys, now));
                    if (!sameKeys(previous.keys(), keys)) {
                        onNewKeys.run();
                    }
                })
                // a failed fetch is retried after a short pause, not after the whole cool-down
                .doOnError(failure -> current.updateAndGet(old -> new Snapshot(old.keys(),
                        now.minus(cooldown).plus(FAILED_FETCH_PAUSE))));
    }

    private static boolean sameKeys(JWKSet before, JWKSet after) {
        return before.toPublicJWKSet().toString().equals(after.toPublicJWKSet().toString());
    }

    private static JWKSet parse(String json) {
        try {
            return JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("The issuer published an unreadable JWKS", e);
        }
    }
}
