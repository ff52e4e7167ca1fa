package cl.compraagil.notification.outbound;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Sends one email through SendGrid's v3 Mail Send API; 202 means accepted for delivery. */
@Component
@ConditionalOnProperty(prefix = "notification.email", name = "provider", havingValue = EmailProperties.SENDGRID, matchIfMissing = true)
class SendGridEmailSender implements EmailSender {

    private final EmailProperties properties;
    private final RestClient client;
    private final CircuitBreaker breaker = ProviderClients.breaker("sendgrid");

    SendGridEmailSender(EmailProperties properties) {
        this.properties = properties;
        this.client = ProviderClients.restClient(properties.sendgrid().baseUrl().toString(),
                properties.sendgrid().connectTimeout(), properties.sendgrid().readTimeout());
    }

    @Override
    public SendResult send(QueuedMessage message) {
        if (!breaker.tryAcquirePermission()) {
            return new SendResult.Transient("SendGrid no disponible (circuito abierto)", Duration.ofSeconds(30));
        }
        long start = System.nanoTime();
        SendResult result;
        try {
            result = client.post().uri("/v3/mail/send")
                    .header("Authorization", "Bearer " + properties.sendgrid().apiKey())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body(message))
                    .exchange((request, response) -> Outcomes.fromHttp(response.getStatusCode().value(),
                            response.getHeaders().getFirst("X-Message-Id"), response.getHeaders().getFirst("Retry-After"),
                            new String(response.getBody().readNBytes(500), java.nio.charset.StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            result = new SendResult.Transient("SendGrid: " + e.getClass().getSimpleName() + " " + e.getMessage(), null);
        }
        Outcomes.record(breaker, result, System.nanoTime() - start);
        return result;
    }

    private Map<String, Object> body(QueuedMessage message) {
        String html = EmailTemplate.html(message.body());
        return Map.of(
                "personalizations", List.of(Map.of("to", List.of(Map.of("email", message.recipient())))),
                "from", Map.of("email", properties.fromAddress(), "name", properties.fromName()),
                "subject", message.subject(),
                "content", List.of(Map.of("type", "text/plain", "value", message.body()),
                        Map.of("type", "text/html", "value", html)),
                "tracking_settings", Map.of("click_tracking", Map.of("enable", false)));
    }
}
