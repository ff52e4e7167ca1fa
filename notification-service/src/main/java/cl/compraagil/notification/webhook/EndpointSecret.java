package cl.compraagil.notification.webhook;

import java.time.Instant;
import java.util.List;

/** The only answers that carry an endpoint's signing secret: on creation and on rotation. */
record EndpointSecret(long id, String url, List<String> events, boolean active, String secret,
        Instant previousSecretExpiresAt) {
}
