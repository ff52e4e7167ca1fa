package cl.compraagil.auth.apikey;

import cl.compraagil.auth.token.TokenResponse;
import cl.compraagil.auth.web.Callers;
import cl.compraagil.auth.web.ClientAddress;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/api-keys} for their owner, and the gateway's exchange of a key for an internal token. */
@RestController
class ApiKeyController {

    record CreateRequest(
            @NotBlank(message = "El nombre es obligatorio.") @Size(max = 100, message = "El nombre es demasiado largo.")
            String name,
            @NotEmpty(message = "Indica al menos un alcance (scope).") @Size(max = 10)
            List<@Pattern(regexp = "^[a-z]+:[a-z_]+$", message = "Alcance con formato inválido.") String> scopes,
            Instant expiresAt,
            @Min(value = 1, message = "El límite debe ser al menos 1 por minuto.")
            @Max(value = 6000, message = "El límite no puede superar 6000 por minuto.") Integer rateLimitPerMinute) {
    }

    /** The only answer that ever contains the full key. */
    record CreatedKey(long id, String key, String prefix, String name, List<String> scopes, int rateLimitPerMinute,
            Instant expiresAt, Instant createdAt) {
    }

    private final ApiKeys apiKeys;

    ApiKeyController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Operation(summary = "Create an API key; the full key is shown only in this answer")
    @PostMapping("/api/v1/api-keys")
    ResponseEntity<CreatedKey> create(AuthenticatedUser caller, @Valid @RequestBody CreateRequest request,
            HttpServletRequest http) {
        Callers.requireUserToken(caller);
        ApiKeys.Created created = apiKeys.create(caller.id(), caller.isAdmin(), request.name().trim(), request.scopes(),
                request.expiresAt(), request.rateLimitPerMinute() == null ? 60 : request.rateLimitPerMinute(),
                ClientAddress.of(http));
        ApiKey key = created.key();
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + key.id())).body(new CreatedKey(key.id(),
                created.secret(), key.prefix(), key.name(), key.scopes(), key.rateLimitPerMinute(), key.expiresAt(),
                key.createdAt()));
    }

    @Operation(summary = "The caller's API keys (prefix, name, scopes, last use; never the key)")
    @GetMapping("/api/v1/api-keys")
    List<ApiKey> list(AuthenticatedUser caller) {
        Callers.requireUserToken(caller);
        return apiKeys.list(caller.id());
    }

    @Operation(summary = "Revoke an API key; the gateway stops accepting it within 60 seconds")
    @DeleteMapping("/api/v1/api-keys/{id}")
    ResponseEntity<Void> revoke(AuthenticatedUser caller, @PathVariable long id, HttpServletRequest http) {
        Callers.requireUserToken(caller);
        apiKeys.revoke(caller.id(), id, ClientAddress.of(http));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Gateway only: exchange X-API-Key for a 60-second internal access token")
    @PostMapping("/api/v1/auth/api-keys/exchange")
    TokenResponse exchange(@RequestHeader("X-API-Key") String key) {
        return apiKeys.exchange(key);
    }
}
