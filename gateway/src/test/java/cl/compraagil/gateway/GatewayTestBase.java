package cl.compraagil.gateway;

import cl.compraagil.testkit.EmbeddedEngines;
import cl.compraagil.testkit.TestTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One gateway context on the embedded Redis and Kafka, shared by every integration test class. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@ActiveProfiles("test")
public abstract class GatewayTestBase {

    protected static final WireMockServer AUTH = TestGateway.AUTH;
    protected static final WireMockServer SUBSCRIPTION = TestGateway.SUBSCRIPTION;
    protected static final WireMockServer LICITACION = TestGateway.LICITACION;
    protected static final WireMockServer ML = TestGateway.ML;
    protected static final TestTokens TOKENS = TestTokens.shared();

    @Autowired
    protected WebTestClient client;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        EmbeddedEngines.registerWithoutDatabase(registry);
        TestGateway.properties().forEach(registry::add);
    }

    /** The free plan of the seed, as subscription-service's entitlements API answers for any user. */
    protected static final String FREE_PLAN = """
            {"user_id": 0, "plan": "free", "status": "active",
             "limits": {"ai_analysis": 2, "searches": 50, "api_calls": 0, "saved_licitaciones": 5, "alert_rules": 0,
                        "exports_per_month": 0, "organization_seats": 1},
             "features": {"web_dashboard": false, "api_keys": false, "customer_webhooks": false,
                          "competitor_analysis": false}}""";

    @BeforeAll
    static void everyUserStartsOnTheFreePlan() {
        SUBSCRIPTION.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/subscriptions/entitlements")).atPriority(1)
                .willReturn(WireMock.okJson(FREE_PLAN)));
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }
}
