package cl.compraagil.notification.outbound;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Sends one text message to a linked chat with the Bot API's {@code sendMessage}. */
@Component
class TelegramSender {

    private static final int MAX_TEXT = 4000;

    private final TelegramProperties properties;
    private final RestClient client;
    private final ObjectMapper mapper;
    private final CircuitBreaker breaker = ProviderClients.breaker("telegram");
    private final java.net.URI sendMessageUri;

    TelegramSender(TelegramProperties properties, ObjectMapper mapper) {
        this.properties = properties;
        this.mapper = mapper;
        this.client = ProviderClients.restClient(properties.baseUrl().toString(), properties.connectTimeout(),
                properties.readTimeout());
        // The token's ':' must reach Telegram as is, so the URI is built once rather than expanded as a template.
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        this.sendMessageUri = java.net.URI.create(base + "/bot" + (properties.enabled() ? properties.botToken().trim() : "disabled")
                + "/sendMessage");
    }

    SendResult send(QueuedMessage message) {
        if (!breaker.tryAcquirePermission()) {
            return new SendResult.Transient("Telegram no disponible (circuito abierto)", Duration.ofSeconds(30));
        }
        String text = message.body().length() > MAX_TEXT ? message.body().substring(0, MAX_TEXT) + "…" : message.body();
        long start = System.nanoTime();
        SendResult result;
        try {
            result = client.post().uri(sendMessageUri)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("chat_id", Long.parseLong(message.recipient()), "text", text,
                            "disable_web_page_preview", true))
                    .exchange((request, response) -> interpret(response.getStatusCode().value(),
                            new String(response.getBody().readNBytes(4096), StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            result = new SendResult.Transient("Telegram: " + e.getClass().getSimpleName() + " " + e.getMessage(), null);
        }
        Outcomes.record(breaker, result instanceof SendResult.Transient t && t.retryAfter() != null
                ? new SendResult.Sent(null) : result, System.nanoTime() - start);
        return result;
    }

    private SendResult interpret(int status, String body) {
        JsonNode json = parse(body);
        if (status == 200 && json.path("ok").asBoolean(false)) {
            return new SendResult.Sent(json.path("result").path("message_id").asString(null));
        }
        String description = "Telegram " + status + ": " + json.path("description").asString(body);
        if (status == 429) {
            long seconds = json.path("parameters").path("retry_after").asLong(5);
            return new SendResult.Transient(description, Duration.ofSeconds(Math.max(1, seconds)));
        }
        if (status == 403) {
            return new SendResult.Unreachable(description);
        }
        if (status >= 500) {
            return new SendResult.Transient(description, null);
        }
        return new SendResult.Permanent(description);
    }

    private JsonNode parse(String body) {
        try {
            return mapper.readTree(body);
        } catch (RuntimeException e) {
            return mapper.createObjectNode();
        }
    }
}
