package cl.compraagil.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SecretCipherTest {

    private static final String K1 = "k1:first-key-material-of-at-least-32-chars";
    private static final String K2 = "k2:second-key-material-of-at-least-32-chars";

    private static SecretCipher cipher(String keys, String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new SecretCipher(new SecretEncryptionProperties(keys), environment);
    }

    @Test
    void storedValueNamesItsKeyAndRevealsNothingOfTheSecret() {
        SecretCipher cipher = cipher(K1);
        String secret = WebhookSigner.newSecret();

        String stored = cipher.encrypt(secret);

        assertThat(stored).startsWith("v1:k1:").doesNotContain(secret.substring(6, 20)).hasSizeLessThan(255);
        assertThat(cipher.encrypt(secret)).isNotEqualTo(stored); // a fresh nonce every time
        assertThat(cipher(K1).decrypt(stored)).isEqualTo(secret);
    }

    @Test
    void newKeyFirstEncryptsWhileTheOldOneStillDecrypts() {
        String secret = WebhookSigner.newSecret();
        String underOldKey = cipher(K1).encrypt(secret);
        SecretCipher rotated = cipher(K2 + "," + K1);

        assertThat(rotated.decrypt(underOldKey)).isEqualTo(secret);
        assertThat(rotated.needsReencryption(underOldKey)).isTrue();
        assertThat(rotated.encrypt(secret)).startsWith("v1:k2:");
        assertThat(rotated.needsReencryption(rotated.encrypt(secret))).isFalse();
        assertThatThrownBy(() -> cipher(K2).decrypt(underOldKey)).hasMessageContaining("key id k1");
    }

    @Test
    void tamperedCiphertextOrKeyIdFailsTheIntegrityCheck() {
        SecretCipher cipher = cipher(K1 + "," + K2.replace("k2", "k1b"));
        String stored = cipher.encrypt(WebhookSigner.newSecret());
        byte[] sealed = Base64.getDecoder().decode(stored.substring("v1:k1:".length()));
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt("v1:k1:" + Base64.getEncoder().encodeToString(sealed)))
                .hasMessageContaining("integrity");
        // the key id is authenticated data: relabelling a value to another configured key does not open it
        assertThatThrownBy(() -> cipher.decrypt(stored.replace("v1:k1:", "v1:k1b:"))).hasMessageContaining("integrity");
    }

    @Test
    void productionRefusesToStartWithoutKeysAndLocalRunsUseADevelopmentKey() {
        assertThatThrownBy(() -> cipher("", "prod")).hasMessageContaining("WEBHOOK_SECRET_KEYS");
        assertThatThrownBy(() -> cipher(null, "k8s")).hasMessageContaining("WEBHOOK_SECRET_KEYS");
        assertThat(cipher("").currentKeyId()).isEqualTo("dev");
        assertThatThrownBy(() -> cipher("k1:too-short")).hasMessageContaining("at least 32");
        assertThatThrownBy(() -> cipher(K1 + "," + K1)).hasMessageContaining("unique");
    }
}
