package cl.compraagil.gateway.quota;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Users' plan limits in Redis, shared by every gateway instance and read by the limiter script itself,
 * so a plan change applies to the very next request without an extra round trip.
 */
@Component
class PlanStore {

    private static final RedisScript<Long> SAVE = RedisScript.of(LuaScripts.read("scripts/plan.lua"), Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final QuotaProperties properties;

    PlanStore(ReactiveStringRedisTemplate redis, QuotaProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** Stores the limits unless a newer change is already stored; true when stored. */
    Mono<Boolean> save(PlanLimits limits) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(limits.changedAt().toEpochMilli()));
        args.add(Long.toString(properties.planTtl().toSeconds()));
        args.add(limits.plan());
        for (Map.Entry<String, Long> limit : limits.limits().entrySet()) {
            args.add("limit:" + limit.getKey());
            args.add(limit.getValue() == null ? "-1" : Long.toString(limit.getValue()));
        }
        return redis.execute(SAVE, List.of(QuotaKeys.plan(limits.userId())), args).next().map(stored -> stored == 1L);
    }

    Mono<Boolean> forget(long userId) {
        return redis.delete(QuotaKeys.plan(userId)).map(deleted -> deleted > 0);
    }
}
