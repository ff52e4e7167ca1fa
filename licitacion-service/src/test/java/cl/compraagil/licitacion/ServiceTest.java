package cl.compraagil.licitacion;

import cl.compraagil.testkit.EmbeddedEngines;
import cl.compraagil.testkit.TestTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The one Spring context every integration test of this service shares: the real service on embedded
 * PostgreSQL and Kafka, with Mercado Público played by WireMock (a ticket is configured, so nothing is
 * loaded locally and nothing polls on its own; tests drive the pollers).
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class ServiceTest {

    protected static final WireMockServer MERCADO_PUBLICO = new WireMockServer(WireMockConfiguration.options()
            .dynamicPort());

    static {
        MERCADO_PUBLICO.start();
        Runtime.getRuntime().addShutdownHook(new Thread(MERCADO_PUBLICO::stop));
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        EmbeddedEngines.register(registry, "licitacion");
        registry.add("mercadopublico.ticket", () -> "test-ticket");
        registry.add("mercadopublico.compra-agil-base-url", MERCADO_PUBLICO::baseUrl);
        registry.add("mercadopublico.v1-base-url", MERCADO_PUBLICO::baseUrl);
        registry.add("mercadopublico.min-interval", () -> "0s");
        registry.add("mercadopublico.initial-backoff", () -> "20ms");
        registry.add("mercadopublico.max-backoff", () -> "50ms");
        // generous: a first call on a loaded build machine can take seconds, and a time-out would be retried
        registry.add("mercadopublico.read-timeout", () -> "10s");
        registry.add("mercadopublico.circuit-open-for", () -> "500ms");
        registry.add("ingestion.enabled", () -> "false");
        registry.add("ingestion.local-generated", () -> "30");
        registry.add("events.outbox.poll-interval", () -> "100ms");
    }

    @BeforeEach
    void resetMercadoPublico() {
        MERCADO_PUBLICO.resetAll();
    }

    protected static String bearer(long userId) {
        return "Bearer " + TestTokens.shared().user(userId);
    }

    protected static String admin(long userId) {
        return "Bearer " + TestTokens.shared().admin(userId);
    }
}
