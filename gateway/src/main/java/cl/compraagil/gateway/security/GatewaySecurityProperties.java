package cl.compraagil.gateway.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What anonymous callers may reach, which browser origins may call the API, how often the JWKS may be
 * refetched for an unknown key id, how many verified tokens are remembered, and which client headers are
 * identity claims the gateway owns.
 */
@ConfigurationProperties("gateway.security")
record GatewaySecurityProperties(
        @DefaultValue List<String> publicPaths,
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue("30s") Duration jwksRefetchCooldown,
        @DefaultValue("5m") Duration jwksMaxAge,
        @DefaultValue("10000") long verifiedTokenCacheSize,
        @DefaultValue({"X-User-", "X-Organization-", "X-Api-Key-", "X-Roles", "X-Auth-", "X-Authenticated-",
                "X-Forwarded-User", "X-Scopes"}) List<String> identityHeaderPrefixes) {
}
