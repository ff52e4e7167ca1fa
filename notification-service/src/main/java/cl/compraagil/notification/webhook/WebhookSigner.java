package cl.compraagil.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks v1 signatures: base64 HMAC-SHA256 over {@code id.timestamp.body}, keyed with the bytes of
 * the {@code whsec_} secret. While a rotated secret is still valid both signatures are sent, space-separated.
 */
final class WebhookSigner {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A Mac per delivery thread: looking the algorithm up for every signature costs more than the HMAC itself. */
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(WebhookSigner::newHmac);

    private WebhookSigner() {
    }

    /** A fresh secret of 32 random bytes (within the spec's 24–64). */
    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    static String signatureHeader(List<String> secrets, String msgId, long timestamp, String body) {
        return secrets.stream().map(secret -> "v1," + sign(secret, msgId, timestamp, body)).collect(Collectors.joining(" "));
    }

    static String sign(String secret, String msgId, long timestamp, String body) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            mac.update((msgId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("Invalid webhook signing key", e);
        }
    }

    private static Mac newHmac() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
