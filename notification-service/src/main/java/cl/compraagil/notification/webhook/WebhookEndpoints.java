package cl.compraagil.notification.webhook;

import cl.compraagil.notification.entitlement.Entitlement;
import cl.compraagil.notification.entitlement.Entitlements;
import cl.compraagil.problem.ApiProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Endpoint management for a plan with customer webhooks: every call is scoped to the caller's own endpoints. */
@Service
class WebhookEndpoints {

    private final WebhookEndpointRepository endpoints;
    private final WebhookMessageRepository messages;
    private final WebhookPublisher publisher;
    private final SsrfGuard guard;
    private final Entitlements entitlements;
    private final WebhookProperties properties;
    private final SecretCipher cipher;

    WebhookEndpoints(WebhookEndpointRepository endpoints, WebhookMessageRepository messages, WebhookPublisher publisher,
            SsrfGuard guard, Entitlements entitlements, WebhookProperties properties, SecretCipher cipher) {
        this.cipher = cipher;
        this.endpoints = endpoints;
        this.messages = messages;
        this.publisher = publisher;
        this.guard = guard;
        this.entitlements = entitlements;
        this.properties = properties;
    }

    List<WebhookEndpoint> list(long userId) {
        return endpoints.ofUser(userId);
    }

    WebhookEndpoint get(long userId, long id) {
        return endpoints.find(userId, id).orElseThrow(() -> ApiProblem.notFound("El endpoint de webhook"));
    }

    @Transactional
    EndpointSecret create(long userId, WebhookEndpointRequest request) {
        requireFeature(userId);
        URI url = checkedUrl(request.url());
        if (endpoints.count(userId) >= properties.maxEndpointsPerUser()) {
            throw ApiProblem.conflict("endpoint_limit_reached",
                    "Alcanzaste el máximo de " + properties.maxEndpointsPerUser() + " endpoints de webhook.");
        }
        String secret = WebhookSigner.newSecret();
        long id = endpoints.insert(userId, url.toString(), request.eventsOrAll(), request.description(), cipher.encrypt(secret));
        if (!request.activeOrDefault()) {
            endpoints.update(userId, id, url.toString(), request.eventsOrAll(), request.description(), false);
        }
        return new EndpointSecret(id, url.toString(), request.eventsOrAll(), request.activeOrDefault(), secret, null);
    }

    @Transactional
    WebhookEndpoint update(long userId, long id, WebhookEndpointRequest request) {
        get(userId, id);
        if (request.activeOrDefault()) {
            requireFeature(userId);
        }
        URI url = checkedUrl(request.url());
        endpoints.update(userId, id, url.toString(), request.eventsOrAll(), request.description(), request.activeOrDefault());
        return get(userId, id);
    }

    @Transactional
    void delete(long userId, long id) {
        if (!endpoints.delete(userId, id)) {
            throw ApiProblem.notFound("El endpoint de webhook");
        }
    }

    @Transactional
    EndpointSecret rotateSecret(long userId, long id) {
        WebhookEndpoint endpoint = get(userId, id);
        String secret = WebhookSigner.newSecret();
        Instant previousUntil = Instant.now().plus(properties.previousSecretValidity());
        endpoints.rotateSecret(userId, id, cipher.encrypt(secret), previousUntil);
        return new EndpointSecret(id, endpoint.url(), endpoint.events(), endpoint.active(), secret, previousUntil);
    }

    @Transactional
    Map<String, String> sendTestEvent(long userId, long id) {
        WebhookEndpoint endpoint = get(userId, id);
        requireFeature(userId);
        if (!endpoint.active()) {
            throw ApiProblem.conflict("endpoint_disabled", "El endpoint está desactivado; actívalo antes de enviar un evento de prueba.");
        }
        String dedup = "test:" + WebhookPublisher.newMessageId();
        String msgId = publisher.enqueue(id, "webhook.test", dedup, Map.of("endpoint_id", id,
                "message", "Evento de prueba de Compra Ágil: si lo recibes, tu endpoint está bien configurado."));
        return Map.of("message_id", msgId, "status", "queued");
    }

    List<MessageView> messages(long userId, long id, Long before, int limit) {
        get(userId, id);
        return messages.messages(id, before, limit);
    }

    List<DeliveryView> deliveries(long userId, long id, Long before, int limit) {
        get(userId, id);
        return messages.deliveries(id, before, limit);
    }

    @Transactional
    Map<String, String> replay(long userId, long id, String msgId) {
        WebhookEndpoint endpoint = get(userId, id);
        if (!endpoint.active()) {
            throw ApiProblem.conflict("endpoint_disabled", "El endpoint está desactivado; actívalo antes de reenviar mensajes.");
        }
        if (!messages.replay(id, msgId)) {
            throw ApiProblem.notFound("El mensaje");
        }
        return Map.of("message_id", msgId, "status", "queued");
    }

    private void requireFeature(long userId) {
        Entitlement entitlement = entitlements.of(userId);
        if (!entitlement.customerWebhooks()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "feature_not_in_plan",
                    "Los webhooks están disponibles desde el plan Profesional.")
                    .with("current_plan", entitlement.plan()).with("upgrade_url", properties.upgradeUrl());
        }
    }

    private URI checkedUrl(String text) {
        URI url;
        try {
            url = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw ApiProblem.badRequest("invalid_url", "La URL no es válida.");
        }
        String refusal = guard.refusal(url);
        if (refusal != null) {
            throw ApiProblem.badRequest("url_not_allowed", refusal);
        }
        return url;
    }
}
