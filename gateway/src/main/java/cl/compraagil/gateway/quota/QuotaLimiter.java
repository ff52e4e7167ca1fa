package cl.compraagil.gateway.quota;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Runs the limiter script: burst bucket and daily quota counters checked and counted in one atomic Redis
 * call, so concurrent requests on any number of gateway instances can never overrun a limit. The call goes
 * over the Redis connection of the request's own event loop ({@link RedisLanes}), which also bounds it by
 * the Redis time-out.
 */
@Component
class QuotaLimiter {

    private static final RedisLanes.Script SCRIPT = RedisLanes.Script.of(LuaScripts.read("scripts/quota.lua"));

    private final RedisLanes redis;
    private final CircuitBreaker breaker;

    QuotaLimiter(RedisLanes redis, CircuitBreakerRegistry breakers) {
        this.redis = redis;
        // while Redis is known to be down, decide at once instead of waiting for a time-out per request
        this.breaker = breakers.circuitBreaker("redis");
    }

    /** Checks the bucket and, for a user with counted resources, the plan quotas of {@code day}. */
    @SuppressWarnings("rawtypes")
    Mono<Verdict> check(ServerWebExchange exchange, Bucket bucket, Long userId, List<String> resources, LocalDate day,
            long counterTtlSeconds) {
        List<String> keys = new ArrayList<>(2 + resources.size());
        keys.add(bucket.key());
        keys.add(userId == null ? bucket.key() : QuotaKeys.plan(userId));
        List<String> args = new ArrayList<>(3 + resources.size());
        args.add(Integer.toString(bucket.perMinute()));
        args.add(Long.toString(Bucket.WINDOW_MILLIS));
        args.add(Long.toString(counterTtlSeconds));
        for (String resource : resources) {
            keys.add(QuotaKeys.counter(userId, resource, day));
            args.add(resource);
        }
        if (!breaker.tryAcquirePermission()) {
            return Mono.error(CallNotPermittedException.createCallNotPermittedException(breaker));
        }
        long started = System.nanoTime();
        return Mono.create(sink -> {
            sink.onCancel(breaker::releasePermission);
            redis.eval(exchange, SCRIPT, keys, args, (reply, failure) -> {
                long took = System.nanoTime() - started;
                if (failure != null) {
                    breaker.onError(took, TimeUnit.NANOSECONDS, failure);
                    sink.error(failure);
                    return;
                }
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                Verdict verdict;
                try {
                    verdict = verdict((List) reply, resources);
                } catch (RuntimeException unreadable) {
                    sink.error(unreadable);
                    return;
                }
                sink.success(verdict);
            });
        });
    }

    @SuppressWarnings("rawtypes")
    private static Verdict verdict(List reply, List<String> resources) {
        int outcome = (int) number(reply, 0);
        switch (outcome) {
            case 0:
                return new Verdict.BurstExceeded(text(reply, 3), number(reply, 2));
            case 2:
                return new Verdict.PlanUnknown();
            case 3:
                return new Verdict.QuotaExceeded(text(reply, 4), resources.get((int) number(reply, 1) - 1),
                        number(reply, 2));
            default:
                List<Verdict.Usage> usages = new ArrayList<>(resources.size());
                for (int i = 0; i < resources.size(); i++) {
                    usages.add(new Verdict.Usage(resources.get(i), number(reply, 4 + 2 * i), number(reply, 5 + 2 * i)));
                }
                return new Verdict.Allowed(text(reply, 3), number(reply, 1), number(reply, 2), usages);
        }
    }

    @SuppressWarnings("rawtypes")
    private static long number(List reply, int index) {
        Object value = reply.get(index);
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }

    @SuppressWarnings("rawtypes")
    private static String text(List reply, int index) {
        if (reply.size() <= index) {
            return null;
        }
        String value = reply.get(index).toString();
        return value.isEmpty() ? null : value;
    }
}
