package cl.compraagil.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aTokenSeenBeforeIsNotVerifiedAgain() {
        VerifiedTokens tokens = tokens(token -> valid(token, NOW.plusSeconds(900)));
        Jwt first = tokens.decode("t1").block();
        Jwt second = tokens.decode("t1").block();
        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
        tokens.decode("t2").block();
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenIsVerifiedAgainOnceItExpired() {
        VerifiedTokens tokens = tokens(token -> valid(token, NOW.plusSeconds(30)));
        tokens.decode("t1").block();
        advance(Duration.ofSeconds(29));
        tokens.decode("t1").block();
        assertThat(verifications).hasValue(1);
        advance(Duration.ofSeconds(2));
        tokens.decode("t1").block();
        assertThat(verifications).hasValue(2);
    }

    @Test
    void noTokenIsKeptLongerThanTheKeySetMaximumAge() {
        VerifiedTokens tokens = tokens(token -> valid(token, NOW.plusSeconds(3600)));
        tokens.decode("t1").block();
        advance(Duration.ofMinutes(5).plusSeconds(1));
        tokens.decode("t1").block();
        assertThat(verifications).hasValue(2);
    }

    @Test
    void refusedTokensAreNeverKept() {
        VerifiedTokens tokens = tokens(token -> Mono.error(new BadJwtException("bad signature")));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(3);
    }

    @Test
    void aNewKeySetMakesEveryTokenBeVerifiedAgain() {
        VerifiedTokens tokens = tokens(token -> valid(token, NOW.plusSeconds(900)));
        tokens.decode("t1").block();
        tokens.forgetAll();
        tokens.decode("t1").block();
        assertThat(verifications).hasValue(2);
    }

    private VerifiedTokens tokens(ReactiveJwtDecoder verifier) {
        ReactiveJwtDecoder counted = token -> {
            verifications.incrementAndGet();
            return verifier.decode(token);
        };
        return new VerifiedTokens(counted, 100, Duration.ofMinutes(5), new AdvancingClock(), nanos::get);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static Mono<Jwt> valid(String token, Instant expiresAt) {
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("7").issuedAt(NOW)
                .expiresAt(expiresAt).build());
    }

    /** A clock that moves with the test's ticker, so expiry arithmetic and cache time agree. */
    private final class AdvancingClock extends Clock {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return NOW.plusNanos(nanos.get());
        }
    }
}
