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
    private final Cache<String, Jwt> verified;

    VerifiedTokens(ReactiveJwtDecoder verifier, long maxSize, Duration maxAge, Clock clock, Ticker ticker) {
        this.verifier = verifier;
        this.clock = clock;
        this.maxAge = maxAge;
        this.verified = Caffeine.newBuilder().maximumSize(maxSize).ticker(ticker)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt)))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null) {
                verified.put(token, jwt);
            }
        });
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
