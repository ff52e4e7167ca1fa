package cl.compraagil.notification.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** A failing event is retried a few times with backoff, then logged and skipped so one bad record never stalls a topic. */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

    @Bean
    CommonErrorHandler kafkaErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxElapsedTime(15_000);
        return new DefaultErrorHandler(backOff);
    }
}
