package cl.compraagil.gateway.quota;

import cl.compraagil.gateway.problem.ProblemResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The 429 and 503 answers of the limiter, in the seed's shape with the contract's extra members. */
final class QuotaResponses {

    private QuotaResponses() {
    }

    static Mono<Void> quotaExceeded(ServerWebExchange exchange, Verdict.QuotaExceeded verdict, long secondsToNextDay,
            String upgradeUrl) {
        new RateLimitHeaders().limit(verdict.resource(), verdict.limit(), RateLimitHeaders.DAY_SECONDS, 0,
                secondsToNextDay).writeTo(exchange.getResponse().getHeaders());
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(secondsToNextDay));
        return tooMany(exchange, "Has excedido el límite de " + verdict.limit() + " " + verdict.resource() + " por día",
                verdict.plan(), verdict.limit(), verdict.resource(), upgradeUrl);
    }

    static Mono<Void> burstExceeded(ServerWebExchange exchange, Bucket bucket, Verdict.BurstExceeded verdict,
            String upgradeUrl) {
        long retryAfter = Math.max(1, (verdict.retryAfterMillis() + 999) / 1000);
        new RateLimitHeaders().limit(bucket.name(), bucket.perMinute(), 60, 0, retryAfter)
                .writeTo(exchange.getResponse().getHeaders());
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfter));
        return tooMany(exchange, "Has excedido el límite de " + bucket.perMinute()
                        + " solicitudes por minuto. Intenta nuevamente en " + retryAfter + " segundos.",
                verdict.plan(), bucket.perMinute(), bucket.name(), upgradeUrl);
    }

    static Mono<Void> unavailable(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Retry-After", "5");
        return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                "No podemos verificar tu cuota de uso en este momento. Intenta nuevamente en unos segundos.");
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, String detail, String plan, long limit,
            String resource, String upgradeUrl) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("current_plan", plan);
        members.put("limit", limit);
        members.put("resource", resource);
        members.put("upgrade_url", upgradeUrl);
        return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate_limit_exceeded", detail, members);
    }
}
