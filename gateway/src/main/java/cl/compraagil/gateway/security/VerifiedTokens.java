package cl.compraagil.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Access tokens that passed full verification, kept by their exact text until they expire and at most for the
 * JWKS maximum age: a client repeats the same token for its whole lifetime, and a repeat costs a map lookup
 * instead of an RS256 check and claim conversion. Failures are never kept, and a changed key set empties the
 * cache, so a withdrawn key stops being trusted at the same moment it would without the cache.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final Clock clock;
    private final Duration maxAge;
    private final Cache<String, Verified> verified;

    /** A verified token and the caller it makes, when its claims make one. */
    private record Verified(Jwt jwt, Caller caller) {

        static Verified of(Jwt jwt) {
            try {
                return new Verified(jwt, Caller.of(jwt));
            } catch (RuntimeException unusable) {
                // the filter converts it again on every use and answers 401; the token itself did verify
                return new Verified(jwt, null);
            }
        }
    }

    VerifiedTokens(ReactiveJwtDecoder verifier, long maxSize, Duration maxAge, Clock clock, Ticker ticker) {
        this.verifier = verifier;
        this.clock = clock;
        this.maxAge = maxAge;
        // the cache's upkeep runs on the thread that reads it, a few entries at a time: on the default executor,
        // reads kept handing it to the common fork-join pool, a thread wake-up every few requests
        this.verified = Caffeine.newBuilder().maximumSize(maxSize).ticker(ticker).executor(Runnable::run)
                .expireAfter(Expiry.<String, Verified>creating((token, entry) -> lifetime(entry.jwt())))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            return Mono.just(known.jwt());
        }
        return verifier.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null) {
                verified.put(token, Verified.of(jwt));
            }
        });
    }

    /**
     * The caller of a token verified before and still kept, or null: the request path's shortcut, with no
     * reactive operator and no claim conversion.
     */
    Caller knownCaller(String token) {
        Verified known = verified.getIfPresent(token);
        return known == null ? null : known.caller();
    }

    /** Forgets every token, for when the issuer's key set changed. */
    void forgetAll() {
        verified.invalidateAll();
    }

    private Duration lifetime(Jwt jwt) {
        Duration untilExpiry = Duration.between(clock.instant(), jwt.getExpiresAt() == null ? Instant.EPOCH : jwt.getExpiresAt());
        if (untilExpiry.isNegative()) {
            return Duration.ZERO;
        }
        return untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
    }
}
