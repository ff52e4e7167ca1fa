package cl.compraagil.gateway.quota;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis clients for a limiter that must never hold a request. The limiter's own per-event-loop connections
 * ({@link RedisLanes}) and Lettuce, which the plan cache and health check use, both refuse commands at once
 * while the connection is down instead of queueing them until the time-out.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientOptions {

    /** Host, port, credentials and database as {@code spring.data.redis} sets them; sentinel and cluster are not used. */
    @Bean
    RedisLanes limiterLanes(DataRedisProperties redis, QuotaProperties properties) {
        return new RedisLanes(RedisLanes.Endpoint.of(redis.getHost(), redis.getPort(), redis.getUsername(),
                redis.getPassword(), redis.getDatabase(), properties.redisTimeout()));
    }

    @Bean
    LettuceClientConfigurationBuilderCustomizer limiterClientOptions(QuotaProperties properties) {
        return builder -> builder.clientOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(properties.redisTimeout()).build())
                .build());
    }
}
