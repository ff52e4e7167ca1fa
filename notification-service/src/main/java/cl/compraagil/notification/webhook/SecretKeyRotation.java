package cl.compraagil.notification.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After start-up, re-encrypts the secrets still sealed with an older key of {@code WEBHOOK_SECRET_KEYS} under the
 * current (first) one, so the old key can be dropped from the list at the next deployment. Safe on several replicas:
 * each row is replaced only if it still holds what was read.
 */
@Component
class SecretKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(SecretKeyRotation.class);

    private final WebhookEndpointRepository endpoints;
    private final SecretCipher cipher;

    SecretKeyRotation(WebhookEndpointRepository endpoints, SecretCipher cipher) {
        this.endpoints = endpoints;
        this.cipher = cipher;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reencryptUnderCurrentKey() {
        int moved = 0;
        for (WebhookEndpointRepository.StoredSecrets stored : endpoints.secretsNotUnder(cipher.currentPrefix())) {
            if (cipher.needsReencryption(stored.secret()) || cipher.needsReencryption(stored.previousSecret())) {
                String secret = reencrypted(stored.secret());
                String previous = reencrypted(stored.previousSecret());
                if (endpoints.replaceSecrets(stored, secret, previous)) {
                    moved++;
                }
            }
        }
        if (moved > 0) {
            log.info("Re-encrypted the signing secrets of {} webhook endpoints under key {}", moved, cipher.currentKeyId());
        }
    }

    private String reencrypted(String stored) {
        return stored == null || !cipher.needsReencryption(stored) ? stored : cipher.encrypt(cipher.decrypt(stored));
    }
}
