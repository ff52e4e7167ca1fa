package cl.compraagil.notification.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Posts one signed message to a customer endpoint: no redirects followed (3xx is a failure), bounded time-outs,
 * and only the first bytes of the answer kept for the log.
 */
@Component
class WebhookSender {

    private static final int SNIPPET = 1024;

    private final HttpClient http;
    private final WebhookProperties properties;

    WebhookSender(WebhookProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    DeliveryAttempt send(URI url, List<String> secrets, String msgId, String body) {
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "CompraAgil-Webhooks/1.0")
                .header("webhook-id", msgId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.signatureHeader(secrets, msgId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String snippet;
            try (InputStream in = response.body()) {
                snippet = new String(in.readNBytes(SNIPPET), StandardCharsets.UTF_8);
            }
            long latency = Duration.ofNanos(System.nanoTime() - start).toMillis();
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            return new DeliveryAttempt(response.statusCode(), latency, snippet, null, RetryAfter.parse(retryAfter));
        } catch (HttpTimeoutException e) {
            return failure(start, "Tiempo de espera agotado");
        } catch (IOException e) {
            return failure(start, "Error de conexión: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(start, "Envío interrumpido");
        }
    }

    private static DeliveryAttempt failure(long start, String error) {
        return new DeliveryAttempt(null, Duration.ofNanos(System.nanoTime() - start).toMillis(), null, error, null);
    }
}
