package cl.compraagil.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.Map;

/**
 * The third parties of the suite, played by WireMock in the test JVM: Mercado Público (Compra Ágil v2 and API v1),
 * the Telegram Bot API, SendGrid and Gemini. Each service is pointed at them through the same environment variables an
 * operator sets, so the services run their real clients, time-outs and breakers. Mercado Público starts with empty
 * listings in the recorded shapes; a test stubs the opportunities it wants ingested, and licitacion-service polls
 * every few seconds.
 */
final class ThirdParties implements AutoCloseable {

    static final String MERCADO_PUBLICO_TICKET = "e2e-ticket";

    private final WireMockServer mercadoPublico = server();
    private final WireMockServer telegram = server();
    private final WireMockServer sendGrid = server();
    private final WireMockServer gemini = server();

    private ThirdParties() {
    }

    static ThirdParties start() {
        ThirdParties parties = new ThirdParties();
        parties.all().forEach(WireMockServer::start);
        parties.stubEmptyListings();
        return parties;
    }

    WireMockServer mercadoPublico() {
        return mercadoPublico;
    }

    WireMockServer telegram() {
        return telegram;
    }

    WireMockServer sendGrid() {
        return sendGrid;
    }

    WireMockServer gemini() {
        return gemini;
    }

    /** The variables that point one service at the stand-ins; empty for services that call no third party. */
    Map<String, String> environmentOf(String service) {
        return switch (service) {
            case "licitacion-service" -> Map.of(
                    "MERCADOPUBLICO_TICKET", MERCADO_PUBLICO_TICKET,
                    "MERCADOPUBLICO_CA_URL", mercadoPublico.baseUrl(),
                    "MERCADOPUBLICO_V1_URL", mercadoPublico.baseUrl(),
                    "MERCADOPUBLICO_MIN_INTERVAL", "100ms",
                    "INGESTION_COMPRA_AGIL_CRON", "*/5 * * * * *",
                    "INGESTION_LICITACIONES_CRON", "0 * * * * *");
            case "notification-service" -> Map.of(
                    "TELEGRAM_BOT_TOKEN", "123456:e2e-bot-token",
                    "TELEGRAM_API_URL", telegram.baseUrl(),
                    "SENDGRID_API_KEY", "SG.e2e-key",
                    "SENDGRID_BASE_URL", sendGrid.baseUrl(),
                    // receivers in the tests listen on "localhost"; 127.0.0.1 and the metadata address stay refused
                    "WEBHOOK_ALLOWED_HOSTS", "localhost",
                    // a failing receiver is retried within seconds instead of Svix's minutes and hours
                    "NOTIFICATION_WEBHOOKS_RETRYSCHEDULE", "1s,2s,2s,2s,2s,2s,2s");
            case "ml-service" -> Map.of(
                    "GEMINI_API_KEY", "e2e-gemini-key",
                    "GEMINI_BASE_URL", gemini.baseUrl(),
                    "GEMINI_TIMEOUT", "3s");
            default -> Map.of();
        };
    }

    /** Nothing new on Mercado Público until a test says otherwise. */
    void stubEmptyListings() {
        mercadoPublico.stubFor(get(urlPathEqualTo("/v2/compra-agil")).atPriority(10).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"totalResultados\":0,\"items\":[]}")));
        mercadoPublico.stubFor(get(urlPathEqualTo("/servicios/v1/publico/licitaciones.json")).atPriority(10)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"Cantidad\":0,\"Version\":\"v1\",\"Listado\":[]}")));
    }

    @Override
    public void close() {
        all().forEach(WireMockServer::stop);
    }

    private List<WireMockServer> all() {
        return List.of(mercadoPublico, telegram, sendGrid, gemini);
    }

    private static WireMockServer server() {
        return new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(16));
    }
}
