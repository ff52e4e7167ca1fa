package cl.compraagil.auth.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

    @Test
    void generatedKeysHaveTypePrefixRandomPartAndChecksum() {
        String key = ApiKeyFormat.generate();
        assertThat(key).matches("cak_live_[0-9A-Za-z]{30}_[0-9A-Za-z]{6}");
        assertThat(ApiKeyFormat.wellFormed(key)).isTrue();
        assertThat(ApiKeyFormat.displayPrefix(key)).isEqualTo(key.substring(0, 15));
        assertThat(ApiKeyFormat.generate()).isNotEqualTo(key);
    }

    @Test
    void aSingleChangedCharacterFailsTheChecksumOffline() {
        String key = ApiKeyFormat.generate();
        char changed = key.charAt(12) == 'A' ? 'B' : 'A';
        assertThat(ApiKeyFormat.wellFormed(key.substring(0, 12) + changed + key.substring(13))).isFalse();
        assertThat(ApiKeyFormat.wellFormed("ghp_" + key.substring(4))).isFalse();
        assertThat(ApiKeyFormat.wellFormed(null)).isFalse();
    }
}
