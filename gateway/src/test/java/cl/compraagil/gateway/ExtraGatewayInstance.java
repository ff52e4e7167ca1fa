package cl.compraagil.gateway;

import cl.compraagil.testkit.EmbeddedEngines;
import cl.compraagil.testkit.TestTokens;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Another gateway process in the same JVM, on the same engines and backends, for multi-instance tests. */
public final class ExtraGatewayInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ExtraGatewayInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static ExtraGatewayInstance start(Map<String, Object> overrides) {
        return start(overrides, true, "test");
    }

    /** An instance with the given profiles; {@code stubBackends} points every route at the WireMock services. */
    public static ExtraGatewayInstance start(Map<String, Object> overrides, boolean stubBackends, String... profiles) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (stubBackends) {
            TestGateway.properties().forEach((key, value) -> properties.put(key, value.get()));
        }
        properties.put("server.port", 0);
        properties.put("spring.data.redis.host", "localhost");
        properties.put("spring.data.redis.port", EmbeddedEngines.redisPort());
        properties.put("spring.kafka.bootstrap-servers", EmbeddedEngines.kafkaBootstrapServers());
        properties.put("security.jwt.jwks-uri", TestTokens.shared().jwksUri().toString());
        properties.put("security.jwt.issuer", TestTokens.ISSUER);
        properties.put("security.jwt.audience", TestTokens.AUDIENCE);
        properties.put("eureka.client.enabled", false);
        properties.put("spring.jmx.enabled", false);
        properties.putAll(overrides);
        // command-line arguments outrank application.yml, as dynamic properties do in the shared context
        String[] arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new ExtraGatewayInstance(new SpringApplicationBuilder(GatewayApplication.class)
                .profiles(profiles).run(arguments));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public String property(String name) {
        return context.getEnvironment().getProperty(name);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
