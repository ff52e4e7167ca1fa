package cl.compraagil.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every service JVM of a run is started: JVM flags, system properties, environment shared by all services,
 * how long to wait for readiness, how long a service may take to stop before it is killed, and whether services
 * start with a class data sharing archive ({@link ClassDataSharing}).
 */
public record LaunchOptions(List<String> jvmFlags, Map<String, String> systemProperties,
                            Map<String, String> environment, Duration readinessTimeout, Duration stopGrace,
                            boolean classDataSharing) {

    /**
     * Small-heap flags: seven Spring Boot JVMs plus the engines must fit in about 2.5 GB on a 2-core machine.
     * Serial GC and C1 only cost little throughput but save the memory and threads of G1 and C2.
     */
    static final List<String> SMALL_HEAP_FLAGS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms24m", "-Xmx160m",
            "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=40m", "-XX:MaxDirectMemorySize=64m",
            "-XX:+ExitOnOutOfMemoryError", "-Duser.timezone=UTC");

    public LaunchOptions {
        jvmFlags = List.copyOf(jvmFlags);
        systemProperties = Map.copyOf(systemProperties);
        environment = Map.copyOf(environment);
    }

    /**
     * Options for a local run. {@code DEV_SERVICE_JAVA_OPTS} is appended to the flags, so a developer can give one
     * run more heap or a debug agent without editing code (the last flag of a kind wins).
     */
    public static LaunchOptions local(Map<String, String> engineEnvironment) {
        List<String> flags = new ArrayList<>(SMALL_HEAP_FLAGS);
        String extra = System.getenv().getOrDefault("DEV_SERVICE_JAVA_OPTS", "").trim();
        if (!extra.isEmpty()) {
            flags.addAll(Arrays.asList(extra.split("\\s+")));
        }
        Map<String, String> environment = new LinkedHashMap<>(engineEnvironment);
        // glibc gives every thread group its own malloc arena; two keep native memory of a small JVM small
        environment.put("MALLOC_ARENA_MAX", "2");
        Map<String, String> properties = Map.of(
                // readiness groups exist outside Kubernetes only when asked for
                "management.endpoint.health.probes.enabled", "true",
                // the default ten idle connections per service would be fifty PostgreSQL backends on a laptop
                "spring.datasource.hikari.minimum-idle", "1",
                "spring.datasource.hikari.maximum-pool-size", "5");
        // DEV_CDS=off starts every service from its jar as built, without the extracted copy and class archive
        boolean classDataSharing = !"off".equals(System.getenv("DEV_CDS"));
        // DEV_READY_TIMEOUT (seconds) for machines busy with other work, where 180 s is not enough
        long readySeconds = Long.parseLong(System.getenv().getOrDefault("DEV_READY_TIMEOUT", "180"));
        return new LaunchOptions(flags, properties, environment, Duration.ofSeconds(readySeconds), Duration.ofSeconds(15),
                classDataSharing);
    }

    public LaunchOptions withSystemProperty(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(systemProperties);
        more.put(name, value);
        return new LaunchOptions(jvmFlags, more, environment, readinessTimeout, stopGrace, classDataSharing);
    }

    public LaunchOptions withEnvironment(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(environment);
        more.put(name, value);
        return new LaunchOptions(jvmFlags, systemProperties, more, readinessTimeout, stopGrace, classDataSharing);
    }

    public LaunchOptions withClassDataSharing(boolean enabled) {
        return new LaunchOptions(jvmFlags, systemProperties, environment, readinessTimeout, stopGrace, enabled);
    }

    public LaunchOptions withReadinessTimeout(Duration timeout) {
        return new LaunchOptions(jvmFlags, systemProperties, environment, timeout, stopGrace, classDataSharing);
    }
}
