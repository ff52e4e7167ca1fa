package cl.compraagil.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The stand-in world of the gateway tests: one WireMock server per backend service (they are the
 * gateway's third parties here), while notification-service has no registered instance at all.
 */
public final class TestGateway {

    public static final WireMockServer AUTH = start();
    public static final WireMockServer SUBSCRIPTION = start();
    public static final WireMockServer LICITACION = start();
    public static final WireMockServer ML = start();

    private TestGateway() {
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .containerThreads(60));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    /** Properties both the shared test context and extra gateway instances use. */
    public static Map<String, Supplier<Object>> properties() {
        Map<String, Supplier<Object>> properties = new LinkedHashMap<>();
        properties.put("gateway.services.auth-service", () -> url(AUTH));
        properties.put("gateway.services.subscription-service", () -> url(SUBSCRIPTION));
        properties.put("gateway.services.licitacion-service", () -> url(LICITACION));
        properties.put("gateway.services.ml-service", () -> url(ML));
        properties.put("gateway.services.notification-service", () -> "lb://notification-service");
        properties.put("gateway.security.cors-allowed-origins", () -> "https://app.compraagil.cl");
        return properties;
    }

    private static String url(WireMockServer server) {
        return "http://localhost:" + server.port();
    }
}
