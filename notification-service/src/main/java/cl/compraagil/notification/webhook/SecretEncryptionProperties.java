package cl.compraagil.notification.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys that encrypt webhook signing secrets at rest ({@code WEBHOOK_SECRET_KEYS}): comma-separated {@code id:secret}
 * entries, the first one encrypts, every one decrypts, so a key is rotated by putting a new entry first. Blank means
 * a development key in local runs; the prod and k8s profiles refuse to start without real keys.
 */
@ConfigurationProperties("notification.webhooks.secret-encryption")
public record SecretEncryptionProperties(String keys) {
}
