package cl.compraagil.notification.webhook;

import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Customer webhook endpoints, their messages and delivery log. */
@RestController
@RequestMapping("/api/v1/webhook-endpoints")
class WebhookEndpointController {

    private final WebhookEndpoints endpoints;

    WebhookEndpointController(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GetMapping
    List<WebhookEndpoint> list(AuthenticatedUser user) {
        return endpoints.list(user.id());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Registra un endpoint; el secreto whsec_ se muestra solo en esta respuesta")
    EndpointSecret create(AuthenticatedUser user, @Valid @RequestBody WebhookEndpointRequest request) {
        return endpoints.create(user.id(), request);
    }

    @GetMapping("/{id}")
    WebhookEndpoint get(AuthenticatedUser user, @PathVariable long id) {
        return endpoints.get(user.id(), id);
    }

    @PutMapping("/{id}")
    WebhookEndpoint update(AuthenticatedUser user, @PathVariable long id, @Valid @RequestBody WebhookEndpointRequest request) {
        return endpoints.update(user.id(), id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(AuthenticatedUser user, @PathVariable long id) {
        endpoints.delete(user.id(), id);
    }

    @PostMapping("/{id}/rotate-secret")
    @Operation(summary = "Genera un secreto nuevo; el anterior sigue firmando durante 24 horas")
    EndpointSecret rotate(AuthenticatedUser user, @PathVariable long id) {
        return endpoints.rotateSecret(user.id(), id);
    }

    @PostMapping("/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Envía un evento webhook.test al endpoint")
    Map<String, String> test(AuthenticatedUser user, @PathVariable long id) {
        return endpoints.sendTestEvent(user.id(), id);
    }

    @GetMapping("/{id}/messages")
    List<MessageView> messages(AuthenticatedUser user, @PathVariable long id,
            @RequestParam(required = false) @Pattern(regexp = "\\d{1,18}", message = "El cursor no es válido.") String cursor,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "El límite mínimo es 1.")
            @Max(value = 200, message = "El límite máximo es 200.") int limit) {
        return endpoints.messages(user.id(), id, cursor == null ? null : Long.valueOf(cursor), limit);
    }

    @PostMapping("/{id}/messages/{messageId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> replay(AuthenticatedUser user, @PathVariable long id,
            @PathVariable @Pattern(regexp = "msg_[0-9a-f]{32}", message = "El identificador de mensaje no es válido.") String messageId) {
        return endpoints.replay(user.id(), id, messageId);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "Registro de intentos de entrega: estado HTTP, latencia y extracto de la respuesta")
    List<DeliveryView> deliveries(AuthenticatedUser user, @PathVariable long id,
            @RequestParam(required = false) @Pattern(regexp = "\\d{1,18}", message = "El cursor no es válido.") String cursor,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "El límite mínimo es 1.")
            @Max(value = 200, message = "El límite máximo es 200.") int limit) {
        return endpoints.deliveries(user.id(), id, cursor == null ? null : Long.valueOf(cursor), limit);
    }
}
