package cl.compraagil.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One WireMock server per test JVM standing in for SendGrid and the Telegram Bot API. */
public final class ThirdParties {

    private static WireMockServer server;

    private ThirdParties() {
    }

    public static synchronized WireMockServer wiremock() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("notification.email.sendgrid.base-url", () -> wiremock().baseUrl());
        registry.add("notification.email.sendgrid.api-key", () -> "SG.test-key");
        registry.add("notification.telegram.base-url", () -> wiremock().baseUrl());
        registry.add("notification.telegram.bot-token", () -> "123:test-token");
        registry.add("notification.webhooks.allowed-hosts", () -> "127.0.0.1/32");
        registry.add("notification.webhooks.retry-schedule", () -> "200ms,200ms,200ms,200ms");
        registry.add("notification.webhooks.poll-interval", () -> "100ms");
        registry.add("notification.outbound.poll-interval", () -> "100ms");
        registry.add("notification.outbound.digest-interval", () -> "200ms");
    }
}
