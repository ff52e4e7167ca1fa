package cl.compraagil.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import cl.compraagil.notification.WebhookReceiver;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP side of a delivery against a real local receiver that verifies signatures with its own code. */
class WebhookSenderTest {

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final String secret = WebhookSigner.newSecret();

    @AfterEach
    void close() {
        receiver.close();
    }

    private static WebhookProperties properties(List<String> allowed) {
        return new WebhookProperties(allowed, List.of(Duration.ofSeconds(5)), 0.2, false, Duration.ofSeconds(1),
                10, 2, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofDays(5),
                Duration.ofHours(24), 10, "http://localhost/precios");
    }

    private DeliveryAttempt send(WebhookSender sender, String url) {
        return sender.send(URI.create(url), List.of(secret), WebhookPublisher.newMessageId(), "{\"type\":\"webhook.test\"}");
    }

    private WebhookSender allowListedSender() {
        WebhookProperties properties = properties(List.of("127.0.0.1/32"));
        return new WebhookSender(properties, new SsrfGuard(properties));
    }

    @Test
    void keepAliveDeliveriesAreSignedAndAcceptedOn2xx() {
        receiver.secret(secret);
        WebhookSender sender = allowListedSender();
        for (int i = 0; i < 3; i++) {
            DeliveryAttempt attempt = send(sender, receiver.url());
            assertThat(attempt.success()).isTrue();
            assertThat(attempt.responseSnippet()).isEqualTo("{\"ok\":true}");
        }
        assertThat(receiver.received()).hasSize(3).allMatch(WebhookReceiver.Received::signatureValid);
        sender.destroy();
    }

    @Test
    void redirectIsNotFollowedAndCountsAsAFailure() {
        receiver.answer(302);
        DeliveryAttempt attempt = send(allowListedSender(), receiver.url());
        assertThat(attempt.status()).isEqualTo(302);
        assertThat(attempt.success()).isFalse();
        assertThat(attempt.blocked()).isFalse();
    }

    @Test
    void tooManyRequestsCarriesTheReceiversRetryAfter() {
        receiver.answer(429, "7", "{\"error\":\"slow down\"}");
        DeliveryAttempt attempt = send(allowListedSender(), receiver.url());
        assertThat(attempt.status()).isEqualTo(429);
        assertThat(attempt.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(attempt.responseSnippet()).contains("slow down");
    }

    @Test
    void longAnswerIsCutToTheFirstKilobyteAndTheNextDeliveryStillWorks() {
        receiver.answer(200, null, "x".repeat(200_000));
        WebhookSender sender = allowListedSender();
        assertThat(send(sender, receiver.url()).responseSnippet()).hasSize(1024);
        assertThat(send(sender, receiver.url()).success()).isTrue();
    }

    @Test
    void internalAddressIsRefusedWhenTheConnectionOpensEvenIfANameResolvesThereOnlyNow() {
        // "localhost" stands for a public name re-pointed at an internal address after the dispatcher's check
        WebhookProperties properties = properties(List.of());
        WebhookSender sender = new WebhookSender(properties, new SsrfGuard(properties));
        DeliveryAttempt attempt = send(sender, receiver.url().replace("127.0.0.1", "localhost"));
        assertThat(attempt.blocked()).isTrue();
        assertThat(attempt.error()).contains("Destino bloqueado");
        assertThat(receiver.received()).isEmpty();
    }
}
