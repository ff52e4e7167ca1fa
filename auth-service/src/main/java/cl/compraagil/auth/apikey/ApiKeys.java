package cl.compraagil.auth.apikey;

import cl.compraagil.auth.audit.AuditLog;
import cl.compraagil.auth.crypto.AuthSecrets;
import cl.compraagil.auth.crypto.Digests;
import cl.compraagil.auth.entitlement.Entitlements;
import cl.compraagil.auth.token.AccessTokenClaims;
import cl.compraagil.auth.token.AccessTokenIssuer;
import cl.compraagil.auth.token.TokenLifetimes;
import cl.compraagil.auth.token.TokenResponse;
import cl.compraagil.auth.user.User;
import cl.compraagil.auth.user.UserRepository;
import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AccessTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API keys of enterprise clients: created once (the full key is only in that answer), stored as an HMAC-SHA256
 * under a server secret, exchanged by the gateway for a 60-second internal token, so a revocation takes effect
 * within a minute.
 */
@Component
class ApiKeys {

    static final Set<String> SCOPES = Set.of("read:licitaciones", "read:market", "read:analysis", "write:analysis",
            "read:alerts", "write:alerts", "read:subscriptions");
    static final int MAX_ACTIVE_KEYS = 10;

    record Created(ApiKey key, String secret) {
    }

    private final ApiKeyRepository repository;
    private final UserRepository users;
    private final Entitlements entitlements;
    private final AccessTokenIssuer issuer;
    private final TokenLifetimes lifetimes;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final String hmacKey;
    private final Clock clock;

    ApiKeys(ApiKeyRepository repository, UserRepository users, Entitlements entitlements, AccessTokenIssuer issuer,
            TokenLifetimes lifetimes, AuditLog audit, TransactionTemplate transactions, AuthSecrets secrets, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.entitlements = entitlements;
        this.issuer = issuer;
        this.lifetimes = lifetimes;
        this.audit = audit;
        this.transactions = transactions;
        this.hmacKey = secrets.apiKeyHmacOrDevelopment();
        this.clock = clock;
    }

    Created create(long userId, boolean admin, String name, List<String> scopes, Instant expiresAt, int rateLimit, String ip) {
        if (!admin && !entitlements.allowsApiKeys(userId)) {
            throw ApiProblem.forbidden("plan_required",
                    "Las API keys están disponibles desde el plan Profesional. Mejora tu plan para crearlas.")
                    .with("upgrade_url", "/pricing");
        }
        List<String> unknown = scopes.stream().filter(scope -> !SCOPES.contains(scope)).toList();
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("invalid_scope", "Alcances desconocidos: " + String.join(", ", unknown)
                    + ". Permitidos: " + String.join(", ", SCOPES.stream().sorted().toList()) + ".");
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw ApiProblem.badRequest("invalid_expiry", "La fecha de expiración debe estar en el futuro.");
        }
        String secret = ApiKeyFormat.generate();
        return transactions.execute(status -> {
            if (repository.activeCount(userId) >= MAX_ACTIVE_KEYS) {
                throw ApiProblem.conflict("too_many_keys", "Puedes tener hasta " + MAX_ACTIVE_KEYS
                        + " API keys activas. Revoca alguna antes de crear otra.");
            }
            long id = repository.insert(userId, hash(secret), ApiKeyFormat.displayPrefix(secret), name,
                    scopes.stream().distinct().sorted().toList(), rateLimit, expiresAt);
            audit.record("api_key_created", userId, userId, null, ip, Map.of("api_key_id", id, "scopes", scopes));
            return new Created(repository.find(id, userId).orElseThrow(), secret);
        });
    }

    List<ApiKey> list(long userId) {
        return repository.listOf(userId);
    }

    void revoke(long userId, long keyId, String ip) {
        transactions.executeWithoutResult(status -> {
            if (!repository.revoke(keyId, userId)) {
                throw ApiProblem.notFound("La API key");
            }
            audit.record("api_key_revoked", userId, userId, null, ip, Map.of("api_key_id", keyId));
        });
    }

    /** The gateway's exchange: a valid key becomes a short internal token carrying its scopes and rate limit. */
    TokenResponse exchange(String presented) {
        if (!ApiKeyFormat.wellFormed(presented)) {
            throw invalid();
        }
        ApiKey key = repository.findByHash(hash(presented)).filter(k -> k.usableAt(clock.instant())).orElseThrow(ApiKeys::invalid);
        User owner = users.findById(key.userId()).filter(User::active).orElseThrow(ApiKeys::invalid);
        if (!owner.admin() && !entitlements.allowsApiKeys(owner.id())) {
            throw ApiProblem.forbidden("plan_required",
                    "El plan de la cuenta ya no incluye acceso por API. Mejora el plan para volver a usar esta key.")
                    .with("upgrade_url", "/pricing");
        }
        repository.touch(key.id());
        String token = issuer.issue(new AccessTokenClaims(owner.id(), owner.email(), List.of(AccessTokens.ROLE_USER), null,
                null, "api_key", Map.of(AccessTokens.CLAIM_API_KEY_ID, key.id(),
                        AccessTokens.CLAIM_SCOPE, String.join(" ", key.scopes()),
                        "rate_limit_per_minute", key.rateLimitPerMinute()),
                lifetimes.apiKeyAccess()));
        return TokenResponse.bearer(token, null, lifetimes.apiKeyAccess());
    }

    private String hash(String secret) {
        return Digests.hmacSha256Hex(hmacKey, secret);
    }

    private static ApiProblem invalid() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid_api_key", "La API key no es válida, expiró o fue revocada.");
    }
}
