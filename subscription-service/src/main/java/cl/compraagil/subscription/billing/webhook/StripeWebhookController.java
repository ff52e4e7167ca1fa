package cl.compraagil.subscription.billing.webhook;

import cl.compraagil.problem.ApiProblem;
import cl.compraagil.subscription.billing.BillingProperties;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Stripe's webhook endpoint (public, no token): the raw body is verified with stripe-java against
 * STRIPE_WEBHOOK_SECRET before anything is read from it; a bad or stale signature changes nothing.
 */
@RestController
class StripeWebhookController {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    private final StripeEventHandler handler;
    private final ObjectMapper mapper;
    private final String secret;
    private final long toleranceSeconds;
    private final Clock clock;
    private final MeterRegistry meters;

    StripeWebhookController(StripeEventHandler handler, ObjectMapper mapper, BillingProperties properties, Clock clock,
            MeterRegistry meters) {
        this.meters = meters;
        this.handler = handler;
        this.mapper = mapper;
        this.secret = properties.webhookSecret();
        this.toleranceSeconds = properties.stripe().webhookTolerance().toSeconds();
        this.clock = clock;
    }

    @PostMapping("/api/v1/webhooks/stripe")
    @Operation(summary = "Eventos de Stripe (firma Stripe-Signature verificada; cada evento se aplica una vez)")
    Map<String, Object> receive(@RequestBody byte[] body,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        String payload = new String(body, StandardCharsets.UTF_8);
        Event event = verify(payload, signature);
        JsonNode object;
        try {
            object = mapper.readTree(payload).path("data").path("object");
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("malformed_event", "El evento de Stripe no es JSON válido.");
        }
        if (event.getId() == null || event.getType() == null || event.getCreated() == null || !object.isObject()) {
            throw ApiProblem.badRequest("malformed_event", "El evento de Stripe no tiene id, tipo, fecha u objeto.");
        }
        boolean applied = handler.handle(new StripeEvent(event.getId(), event.getType(),
                Instant.ofEpochSecond(event.getCreated()), object));
        count(applied ? "applied" : "duplicate", event.getType());
        return Map.of("received", true, "duplicate", !applied);
    }

    private Event verify(String payload, String signature) {
        if (signature == null || signature.isBlank()) {
            count("rejected", "unknown");
            throw invalidSignature();
        }
        try {
            return Webhook.constructEvent(payload, signature, secret, toleranceSeconds, clock);
        } catch (SignatureVerificationException e) {
            log.warn("Stripe webhook rejected: {}", e.getMessage());
            count("rejected", "unknown");
            throw invalidSignature();
        } catch (RuntimeException e) {
            // stripe-java throws Gson's JsonSyntaxException for a signed but unparseable body
            throw ApiProblem.badRequest("malformed_event", "El evento de Stripe no es JSON válido.");
        }
    }

    /** stripe_webhook_events_total{outcome=applied|duplicate|rejected,type}: alert on a burst of rejections. */
    private void count(String outcome, String type) {
        meters.counter("stripe.webhook.events", "outcome", outcome, "type", type).increment();
    }

    private static ApiProblem invalidSignature() {
        return ApiProblem.badRequest("invalid_signature",
                "La firma Stripe-Signature no es válida o está vencida; el evento no se procesó.");
    }
}
