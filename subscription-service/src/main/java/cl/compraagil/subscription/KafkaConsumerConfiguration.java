package cl.compraagil.subscription;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How consumers fail: a transient failure (database down) is retried with back-off; an event that can never
 * be read (no id, not JSON) is logged and skipped at once instead of blocking its partition.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConsumerConfiguration.class);

    @Bean
    CommonErrorHandler kafkaErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(5 * 60_000);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> log.error(
                "Event on {} at offset {} skipped after retries: {}", record.topic(), record.offset(), e.getMessage()), backOff);
        handler.addNotRetryableExceptions(IllegalArgumentException.class, tools.jackson.core.JacksonException.class);
        return handler;
    }
}
