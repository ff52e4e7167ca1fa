package cl.compraagil.gateway.apikey;

import cl.compraagil.gateway.correlation.CorrelatedLog;
import cl.compraagil.gateway.edge.EdgeFilter;
import cl.compraagil.gateway.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs before authentication: a request carrying {@code X-API-Key} continues with the access token
 * auth-service issued for that key in its Authorization header and without the key, so security, quotas
 * and services all see one kind of credential, a verified JWT.
 */
@Component
class ApiKeyExchangeFilter implements EdgeFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyExchangeFilter.class);
    private static final int MAX_KEY_LENGTH = 256;

    private final ApiKeyExchanger exchanger;

    ApiKeyExchangeFilter(ApiKeyExchanger exchanger) {
        this.exchanger = exchanger;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String apiKey = exchange.getRequest().getHeaders().getFirst(ApiKeyExchanger.HEADER);
        if (apiKey == null) {
            return chain.filter(exchange);
        }
        if (apiKey.isBlank() || apiKey.length() > MAX_KEY_LENGTH) {
            return rejected(exchange);
        }
        return exchanger.exchange(apiKey.trim()).flatMap(outcome -> {
            if (outcome instanceof Exchange.Granted granted) {
                return chain.filter(withToken(exchange, granted.accessToken()));
            }
            if (outcome instanceof Exchange.Unavailable unavailable) {
                return unavailable(exchange, unavailable.cause());
            }
            if (outcome instanceof Exchange.PlanRequired) {
                return ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, "plan_required",
                        "Tu plan actual no incluye acceso a la API. Mejora tu plan en /pricing.");
            }
            return rejected(exchange);
        });
    }

    private static ServerWebExchange withToken(ServerWebExchange exchange, String token) {
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            headers.remove(ApiKeyExchanger.HEADER);
            headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }).build();
        return exchange.mutate().request(request).build();
    }

    private static Mono<Void> rejected(ServerWebExchange exchange) {
        return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, "invalid_api_key",
                "La API key no es válida, expiró o fue revocada.");
    }

    private static Mono<Void> unavailable(ServerWebExchange exchange, Throwable cause) {
        CorrelatedLog.run(exchange, () -> log.warn("API key exchange failed: {}", cause.toString()));
        exchange.getResponse().getHeaders().set("Retry-After", "5");
        return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                "El servicio de autenticación no está disponible en este momento. Intenta nuevamente en unos segundos.");
    }

    @Override
    public int getOrder() {
        return -200;
    }
}
