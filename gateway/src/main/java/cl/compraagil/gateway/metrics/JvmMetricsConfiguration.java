package cl.compraagil.gateway.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's JVM metrics, in place of Spring Boot's {@code JvmMetricsAutoConfiguration} (excluded in
 * {@code application.yml}): the same memory, thread, class-loading, compilation and runtime metrics, and the
 * collectors' counts and accumulated time, read from their MX beans when scraped.
 *
 * <p>Left out: Micrometer's {@code JvmGcMetrics} and {@code JvmHeapPressureMetrics}, which subscribe to the
 * collectors' notifications. With a subscriber, HotSpot prepares a notification for every collection: in a small
 * program allocating at the gateway's rate, a young collection's safepoint went from about 1 ms to 1.9–7.5 ms, and
 * in an A/B of the gateway the p99 at half load was lower in three pairs of four. See docs/benchmarks/gateway.md,
 * "Session 8".
 */
@Configuration(proxyBeanMethods = false)
class JvmMetricsConfiguration {

    @Bean
    JvmMemoryMetrics jvmMemoryMetrics() {
        return new JvmMemoryMetrics();
    }

    @Bean
    JvmThreadMetrics jvmThreadMetrics() {
        return new JvmThreadMetrics();
    }

    @Bean
    ClassLoaderMetrics classLoaderMetrics() {
        return new ClassLoaderMetrics();
    }

    @Bean
    JvmCompilationMetrics jvmCompilationMetrics() {
        return new JvmCompilationMetrics();
    }

    @Bean
    JvmInfoMetrics jvmInfoMetrics() {
        return new JvmInfoMetrics();
    }

    /** {@code jvm.gc.collections} and {@code jvm.gc.collection.time} per collector: polled, never subscribed. */
    @Bean
    MeterBinder collectorMetrics() {
        return registry -> {
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                FunctionCounter.builder("jvm.gc.collections", collector, GarbageCollectorMXBean::getCollectionCount)
                        .tag("gc", collector.getName())
                        .description("Collections by this collector since the JVM started")
                        .register(registry);
                FunctionCounter.builder("jvm.gc.collection.time", collector, bean -> bean.getCollectionTime() / 1000.0)
                        .tag("gc", collector.getName())
                        .baseUnit("seconds")
                        .description("Time spent in collections by this collector since the JVM started")
                        .register(registry);
            }
        };
    }
}
