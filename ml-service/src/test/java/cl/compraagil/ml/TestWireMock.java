package cl.compraagil.ml;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/** One WireMock server per test JVM standing in for third parties (Gemini) and licitacion-service. */
public final class TestWireMock {

    private static WireMockServer server;

    private TestWireMock() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static int port() {
        return server().port();
    }
}
