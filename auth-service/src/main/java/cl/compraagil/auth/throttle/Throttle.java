package cl.compraagil.auth.throttle;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Counters in Redis shared by every replica, updated atomically by Lua scripts (no read-then-increment race).
 * If Redis is unreachable the throttle lets requests through and logs it: losing brute-force defence for a
 * while is better than locking every user out.
 */
@Component
public class Throttle {

    private static final Logger log = LoggerFactory.getLogger(Throttle.class);

    /** KEYS: counter, lock. ARGV: threshold, first wait ms, max wait ms, counter ttl ms. Returns the lock ms set. */
    private static final RedisScript<Long> FAILURE = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
            local threshold = tonumber(ARGV[1])
            if n < threshold then return 0 end
            local wait = math.min(tonumber(ARGV[2]) * (2 ^ (n - threshold)), tonumber(ARGV[3]))
            redis.call('SET', KEYS[2], n, 'PX', math.floor(wait))
            return math.floor(wait)
            """, Long.class);

    /** KEYS: counter. ARGV: window ms. Returns the count in the window, this request included. */
    private static final RedisScript<Long> WINDOW = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n
            """, Long.class);

    private final StringRedisTemplate redis;

    Throttle(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** How long {@code key} stays locked; zero when it is not. */
    public Duration lockedFor(String key) {
        try {
            Long millis = redis.getExpire("lock:" + key, java.util.concurrent.TimeUnit.MILLISECONDS);
            return millis == null || millis <= 0 ? Duration.ZERO : Duration.ofMillis(millis);
        } catch (RuntimeException e) {
            log.warn("Throttle unavailable, request let through: {}", e.getMessage());
            return Duration.ZERO;
        }
    }

    /** Counts a failure and returns the lock it caused (zero below the threshold). */
    public Duration recordFailure(String key, int threshold, Duration firstWait, Duration maxWait, Duration reset) {
        try {
            Long millis = redis.execute(FAILURE, List.of("fail:" + key, "lock:" + key), Integer.toString(threshold),
                    Long.toString(firstWait.toMillis()), Long.toString(maxWait.toMillis()), Long.toString(reset.toMillis()));
            return millis == null ? Duration.ZERO : Duration.ofMillis(millis);
        } catch (RuntimeException e) {
            log.warn("Throttle unavailable, failure not counted: {}", e.getMessage());
            return Duration.ZERO;
        }
    }

    public void reset(String key) {
        try {
            redis.delete(List.of("fail:" + key, "lock:" + key));
        } catch (RuntimeException e) {
            log.warn("Throttle unavailable, counter not reset: {}", e.getMessage());
        }
    }

    /** Fixed-window limit: true while fewer than {@code limit} calls happened in the window. */
    public boolean tryAcquire(String key, int limit, Duration window) {
        try {
            Long count = redis.execute(WINDOW, List.of("window:" + key), Long.toString(window.toMillis()));
            return count == null || count <= limit;
        } catch (RuntimeException e) {
            log.warn("Throttle unavailable, request let through: {}", e.getMessage());
            return true;
        }
    }
}
