package cl.compraagil.auth.token;

import cl.compraagil.auth.audit.AuditLog;
import cl.compraagil.auth.organization.Memberships;
import cl.compraagil.auth.token.RefreshTokens.Outcome;
import cl.compraagil.auth.token.RefreshTokens.Reused;
import cl.compraagil.auth.token.RefreshTokens.Rotated;
import cl.compraagil.auth.user.User;
import cl.compraagil.auth.user.UserRepository;
import cl.compraagil.problem.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Login sessions: an access token for the active organization plus a rotating refresh token. */
@Component
public class Sessions {

    public static final String PASSWORD = "password";
    public static final String REFRESH = "refresh";

    private final AccessTokenIssuer issuer;
    private final RefreshTokens refreshTokens;
    private final Memberships memberships;
    private final UserRepository users;
    private final AuditLog audit;
    private final TokenLifetimes lifetimes;
    private final TransactionTemplate transactions;

    Sessions(AccessTokenIssuer issuer, RefreshTokens refreshTokens, Memberships memberships, UserRepository users,
            AuditLog audit, TokenLifetimes lifetimes, TransactionTemplate transactions) {
        this.issuer = issuer;
        this.refreshTokens = refreshTokens;
        this.memberships = memberships;
        this.users = users;
        this.audit = audit;
        this.lifetimes = lifetimes;
        this.transactions = transactions;
    }

    /** A fresh login: acts in the organization the user joined first, if any. */
    @Transactional(propagation = Propagation.MANDATORY)
    public TokenResponse start(User user) {
        Long organization = memberships.defaultOrganization(user.id()).orElse(null);
        return startIn(user, organization);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public TokenResponse startIn(User user, Long organizationId) {
        String refresh = refreshTokens.issue(user.id(), organizationId);
        return TokenResponse.bearer(accessToken(user, organizationId, PASSWORD), refresh, lifetimes.access());
    }

    /** Rotates the refresh token; a reused one revokes its family (committed) and answers 401 like any bad token. */
    public TokenResponse refresh(String presented, String ip) {
        Object result = transactions.execute(status -> {
            Outcome outcome = refreshTokens.rotate(presented,
                    userId -> users.findById(userId).filter(User::active).map(User::tokensValidAfter));
            if (outcome instanceof Reused reused) {
                audit.record("refresh_token_reused", null, reused.userId(), null, ip,
                        Map.of("family", reused.family().toString()));
            }
            if (outcome instanceof Rotated rotated) {
                User user = users.findById(rotated.userId()).orElseThrow();
                return TokenResponse.bearer(accessToken(user, rotated.organizationId(), REFRESH), rotated.newToken(),
                        lifetimes.access());
            }
            return outcome;
        });
        if (result instanceof TokenResponse response) {
            return response;
        }
        throw new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid_refresh_token",
                "La sesión expiró o ya no es válida. Inicia sesión nuevamente.");
    }

    java.util.Optional<String> memberRole(long organizationId, long userId) {
        return memberships.roleOf(organizationId, userId);
    }

    /** An access token for the user, with the organization claims only if the user still belongs to it. */
    public String accessToken(User user, Long organizationId, String authMethod) {
        String role = organizationId == null ? null : memberships.roleOf(organizationId, user.id()).orElse(null);
        Long organization = role == null ? null : organizationId;
        return issuer.issue(new AccessTokenClaims(user.id(), user.email(), user.roles(), organization, role, authMethod,
                Map.of(), lifetimes.access()));
    }
}
