package cl.compraagil.ml;

import cl.compraagil.testkit.EmbeddedEngines;
import cl.compraagil.testkit.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The one Spring context every integration test of the service shares: real embedded PostgreSQL and Kafka,
 * real token verification, no start-up bootstrap (tests load the history they need).
 */
@SpringBootTest(properties = {
        "ml.history.bootstrap-when-empty=false",
        "ml.training.train-on-new-history=false",
        "ml.models.folder=target/test-models",
        "spring.cloud.discovery.client.simple.instances.licitacion-service[0].uri=http://localhost:${wiremock.port}",
        "ml.analysis.gemini-base-url=http://localhost:${wiremock.port}"})
@AutoConfigureMockMvc
public abstract class MlIntegrationTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        EmbeddedEngines.register(registry, "ml");
        registry.add("wiremock.port", TestWireMock::port);
    }

    protected static String bearer(long userId) {
        return "Bearer " + TestTokens.shared().user(userId);
    }
}
