package cl.compraagil.auth.token;

import cl.compraagil.auth.crypto.Digests;
import cl.compraagil.auth.crypto.RandomTokens;
import cl.compraagil.auth.token.RefreshTokenRepository.StoredRefreshToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque refresh tokens, rotated on every use. Presenting a token that was already used means it was copied:
 * the whole family (the login session) is revoked and both attacker and user must log in again.
 */
@Component
public class RefreshTokens {

    /** What presenting a refresh token led to. */
    sealed interface Outcome {
    }

    record Rotated(long userId, Long organizationId, String newToken) implements Outcome {
    }

    record Reused(long userId, UUID family) implements Outcome {
    }

    record Invalid() implements Outcome {
    }

    private final RefreshTokenRepository repository;
    private final TokenLifetimes lifetimes;
    private final Clock clock;

    RefreshTokens(RefreshTokenRepository repository, TokenLifetimes lifetimes, Clock clock) {
        this.repository = repository;
        this.lifetimes = lifetimes;
        this.clock = clock;
    }

    /** Starts a new family (a login). */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issue(long userId, Long organizationId) {
        Instant now = clock.instant();
        return store(userId, UUID.randomUUID(), organizationId, now, now.plus(lifetimes.refreshAbsolute()));
    }

    /**
     * Rotates the token. The caller's transaction must commit even on {@link Reused}, so the family stays revoked.
     *
     * @param validAfter refresh tokens of the user created before this instant are dead (password changed)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Outcome rotate(String presented, java.util.function.LongFunction<Optional<Instant>> validAfter) {
        if (presented == null || presented.isBlank()) {
            return new Invalid();
        }
        Optional<StoredRefreshToken> found = repository.findForUpdate(Digests.sha256Hex(presented));
        if (found.isEmpty()) {
            return new Invalid();
        }
        StoredRefreshToken token = found.get();
        if (token.usedAt() != null) {
            repository.revokeFamily(token.familyId());
            return new Reused(token.userId(), token.familyId());
        }
        Instant now = clock.instant();
        Optional<Instant> userValidAfter = validAfter.apply(token.userId());
        if (token.revokedAt() != null || !now.isBefore(token.idleExpiresAt()) || !now.isBefore(token.expiresAt())
                || userValidAfter.isEmpty() || token.createdAt().isBefore(userValidAfter.get())) {
            return new Invalid();
        }
        repository.markUsed(token.id());
        String next = store(token.userId(), token.familyId(), token.organizationId(), now, token.expiresAt());
        return new Rotated(token.userId(), token.organizationId(), next);
    }

    /** Logout: the session of this token ends, whatever state it is in. */
    @Transactional
    public void revokeFamilyOf(String presented) {
        if (presented == null || presented.isBlank()) {
            return;
        }
        repository.findForUpdate(Digests.sha256Hex(presented))
                .ifPresent(token -> repository.revokeFamily(token.familyId()));
    }

    /** Ends the caller's previous session when it switches organization; another user's token is left alone. */
    @Transactional
    public void revokeFamilyOf(String presented, long owner) {
        repository.findForUpdate(Digests.sha256Hex(presented)).filter(token -> token.userId() == owner)
                .ifPresent(token -> repository.revokeFamily(token.familyId()));
    }

    /** Password change or reset, deactivation: every session of the user ends. */
    @Transactional(propagation = Propagation.REQUIRED)
    public int revokeAll(long userId) {
        return repository.revokeAllOf(userId);
    }

    private String store(long userId, UUID family, Long organizationId, Instant now, Instant absoluteEnd) {
        String token = RandomTokens.urlSafe(32);
        Instant idle = now.plus(lifetimes.refreshIdle());
        repository.insert(userId, family, Digests.sha256Hex(token), organizationId,
                idle.isBefore(absoluteEnd) ? idle : absoluteEnd, absoluteEnd);
        return token;
    }
}
