package cl.compraagil.gateway.security;

import cl.compraagil.gateway.correlation.CorrelationId;
import java.util.List;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers a service receives: services must only trust identity the gateway derived from a verified
 * token, so any identity header a client sent is dropped, {@code X-User-Id} is set from the token's subject and
 * {@code X-Correlation-Id} from the request's id. The Authorization header travels unchanged, so each service
 * verifies the token again. Working on the outgoing header copy the proxy builds anyway spares a copy of the
 * incoming request per change.
 */
@Component
class IdentityHeaders implements HttpHeadersFilter, Ordered {

    static final String USER_ID = "X-User-Id";
    private static final String API_KEY = "X-API-Key";

    private final List<String> prefixes;

    IdentityHeaders(GatewaySecurityProperties properties) {
        this.prefixes = properties.identityHeaderPrefixes();
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders forwarded = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!isIdentity(name)) {
                forwarded.put(name, values);
            }
        });
        Caller caller = Caller.of(exchange);
        if (caller != null) {
            forwarded.set(USER_ID, Long.toString(caller.userId()));
        }
        String correlationId = CorrelationId.of(exchange);
        if (correlationId != null) {
            forwarded.set(CorrelationId.HEADER, correlationId);
        }
        return forwarded;
    }

    private boolean isIdentity(String name) {
        if (name.equalsIgnoreCase(API_KEY)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
