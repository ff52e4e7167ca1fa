package cl.compraagil.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.compraagil.auth.crypto.AuthSecrets;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyEncryptionTest {

    private final KeyEncryption encryption = new KeyEncryption(new AuthSecrets("a".repeat(40), null, null));
    private final byte[] privateKey = "-----private key bytes-----".getBytes(StandardCharsets.UTF_8);

    @Test
    void privateKeyRoundTripsAndIsNotStoredInClear() {
        byte[] sealed = encryption.encrypt("kid-1", privateKey);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("private key bytes");
        assertThat(encryption.decrypt("kid-1", sealed)).isEqualTo(privateKey);
        assertThat(encryption.encrypt("kid-1", privateKey)).isNotEqualTo(sealed);
    }

    @Test
    void ciphertextMovedToAnotherKidOrUnderAnotherSecretDoesNotDecrypt() {
        byte[] sealed = encryption.encrypt("kid-1", privateKey);
        assertThatThrownBy(() -> encryption.decrypt("kid-2", sealed)).isInstanceOf(IllegalStateException.class);
        KeyEncryption other = new KeyEncryption(new AuthSecrets("b".repeat(40), null, null));
        assertThatThrownBy(() -> other.decrypt("kid-1", sealed)).hasMessageContaining("AUTH_KEY_ENCRYPTION_SECRET");
    }
}
