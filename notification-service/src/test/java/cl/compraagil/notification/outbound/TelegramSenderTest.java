package cl.compraagil.notification.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TelegramSenderTest {

    private final WireMockServer wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private TelegramSender sender;

    @BeforeEach
    void start() {
        wiremock.start();
        sender = new TelegramSender(new TelegramProperties("123:abc", URI.create(wiremock.baseUrl()), Duration.ofSeconds(1), 30,
                Duration.ofSeconds(1), Duration.ofSeconds(2)), JsonMapper.builder().build());
    }

    @AfterEach
    void stop() {
        wiremock.stop();
    }

    private QueuedMessage message() {
        return new QueuedMessage(1, 1L, Channel.TELEGRAM, "4242", "asunto", "Hola", false, 0);
    }

    @Test
    void okAnswerIsSentWithTheTelegramMessageId() {
        wiremock.stubFor(post(urlPathEqualTo("/bot123:abc/sendMessage")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"result\":{\"message_id\":9}}")));
        assertThat(sender.send(message())).isEqualTo(new SendResult.Sent("9"));
    }

    @Test
    void floodLimitAnswerCarriesRetryAfter() {
        wiremock.stubFor(post(urlPathEqualTo("/bot123:abc/sendMessage")).willReturn(aResponse().withStatus(429)
                .withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\",\"parameters\":{\"retry_after\":7}}")));
        assertThat(sender.send(message())).isInstanceOfSatisfying(SendResult.Transient.class,
                t -> assertThat(t.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void blockedBotIsUnreachableAndBadRequestIsPermanent() {
        wiremock.stubFor(post(urlPathEqualTo("/bot123:abc/sendMessage")).willReturn(aResponse().withStatus(403)
                .withBody("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")));
        assertThat(sender.send(message())).isInstanceOf(SendResult.Unreachable.class);
        wiremock.stubFor(post(urlPathEqualTo("/bot123:abc/sendMessage")).willReturn(aResponse().withStatus(400)
                .withBody("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}")));
        assertThat(sender.send(message())).isInstanceOf(SendResult.Permanent.class);
    }
}
