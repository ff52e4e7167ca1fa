package cl.compraagil.notification.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Encrypts webhook signing secrets at rest with AES-256-GCM. A stored value reads {@code v1:<key id>:<base64 of
 * 12-byte nonce + ciphertext + tag>}, the key id bound as associated data; any configured key decrypts, the first
 * encrypts. Decrypted secrets are cached by their stored form so the dispatcher does not run AES on every delivery.
 */
@Component
class SecretCipher {

    static final String VERSION = "v1";
    static final int MINIMUM_SECRET_LENGTH = 32;
    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final String DEVELOPMENT_KEYS = "dev:development-only-webhook-secret-key-not-for-production";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int CACHE_LIMIT = 10_000;

    private final Map<String, SecretKey> keys;
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> decrypted = new ConcurrentHashMap<>();

    SecretCipher(SecretEncryptionProperties properties, Environment environment) {
        String configured = properties.keys();
        if (configured == null || configured.isBlank()) {
            if (environment.acceptsProfiles(Profiles.of("prod", "k8s"))) {
                throw new IllegalStateException("notification-service refuses to start in production without WEBHOOK_SECRET_KEYS "
                        + "(id:secret entries, at least " + MINIMUM_SECRET_LENGTH + " random characters each)");
            }
            log.warn("DEVELOPMENT KEY IN USE for WEBHOOK_SECRET_KEYS: fine for local runs, never for production");
            configured = DEVELOPMENT_KEYS;
        }
        this.keys = parse(configured);
        this.currentKeyId = keys.keySet().iterator().next();
    }

    static Map<String, SecretKey> parse(String configured) {
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        for (String entry : configured.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            String id = colon < 0 ? "" : trimmed.substring(0, colon);
            String secret = colon < 0 ? "" : trimmed.substring(colon + 1);
            if (!KEY_ID.matcher(id).matches() || secret.length() < MINIMUM_SECRET_LENGTH || parsed.containsKey(id)) {
                throw new IllegalStateException("WEBHOOK_SECRET_KEYS entries must read id:secret with a unique id of letters, "
                        + "digits, '.', '_' or '-' and a secret of at least " + MINIMUM_SECRET_LENGTH + " characters");
            }
            parsed.put(id, new SecretKeySpec(sha256(secret), "AES"));
        }
        return parsed;
    }

    /** The key id new secrets are encrypted with. */
    String currentKeyId() {
        return currentKeyId;
    }

    String encrypt(String plaintext) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
            return VERSION + ":" + currentKeyId + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** @return the secret, or null for null; fails when the value was not encrypted by any configured key */
    String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        String cached = decrypted.get(stored);
        if (cached != null) {
            return cached;
        }
        String plaintext = open(stored);
        if (decrypted.size() >= CACHE_LIMIT) {
            decrypted.clear();
        }
        decrypted.put(stored, plaintext);
        return plaintext;
    }

    /** The beginning of every value sealed with the current key. */
    String currentPrefix() {
        return VERSION + ":" + currentKeyId + ":";
    }

    /** Whether a stored value is encrypted with a key other than the current one (and should be re-encrypted). */
    boolean needsReencryption(String stored) {
        return stored != null && !stored.startsWith(currentPrefix());
    }

    private String open(String stored) {
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION) || !keys.containsKey(parts[1])) {
            throw new IllegalStateException("A webhook secret is not encrypted with any key of WEBHOOK_SECRET_KEYS"
                    + (parts.length == 3 ? " (key id " + parts[1] + ")" : ""));
        }
        byte[] sealed = Base64.getDecoder().decode(parts[2]);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.get(parts[1]), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            cipher.updateAAD(parts[1].getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, NONCE, sealed.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A webhook secret failed its integrity check under key " + parts[1], e);
        }
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
