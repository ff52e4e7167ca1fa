package cl.compraagil.e2e;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds access tokens the way an attacker would, and the control token that proves each forgery differs from a
 * valid token by one thing only. The control needs auth-service's real private key: it is read from the auth
 * database and decrypted with the development {@code AUTH_KEY_ENCRYPTION_SECRET} the suite runs with (the local
 * fallback of {@code AuthSecrets}), exactly as auth-service does in {@code KeyEncryption}.
 */
final class AuthzTokens {

    static final String DEVELOPMENT_KEY_ENCRYPTION_SECRET = "development-only-key-encryption";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    private AuthzTokens() {
    }

    static String header(String token) {
        return new String(URL_DECODER.decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    static String payload(String token) {
        return new String(URL_DECODER.decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    static String kid(String token) {
        return JsonPath.read(header(token), "$.kid");
    }

    /** The JSON with the changes applied (JsonPath set/put/delete on a copy). */
    static String edit(String json, Consumer<DocumentContext> change) {
        DocumentContext document = JsonPath.parse(json);
        change.accept(document);
        return document.jsonString();
    }

    static String unsigned(String header, String payload) {
        return encode(header) + "." + encode(payload);
    }

    static String rs256(String header, String payload, PrivateKey key) {
        String input = unsigned(header, payload);
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + URL.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hs256(String header, String payload, byte[] secret) {
        String input = unsigned(header, payload);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + URL.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key of {@code kid} as published in a JWKS document. */
    static PublicKey publicKey(String jwks, String kid) {
        List<String> n = JsonPath.read(jwks, "$.keys[?(@.kid == '" + kid + "')].n");
        List<String> e = JsonPath.read(jwks, "$.keys[?(@.kid == '" + kid + "')].e");
        if (n.isEmpty()) {
            throw new AssertionError("kid " + kid + " is not in the JWKS: " + jwks);
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                    new BigInteger(1, URL_DECODER.decode(n.get(0))), new BigInteger(1, URL_DECODER.decode(e.get(0)))));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** auth-service's private signing key {@code kid}, decrypted from the auth database. */
    static PrivateKey signingKey(AuthzOperator operator, String kid) {
        List<List<Object>> rows = operator.query("auth", "SELECT private_key_encrypted FROM signing_keys WHERE kid = ?", kid);
        if (rows.isEmpty()) {
            throw new AssertionError("no signing key " + kid + " in the auth database");
        }
        byte[] stored = (byte[]) rows.get(0).get(0);
        try {
            byte[] material = MessageDigest.getInstance("SHA-256")
                    .digest(DEVELOPMENT_KEY_ENCRYPTION_SECRET.getBytes(StandardCharsets.UTF_8));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(material, "AES"), new GCMParameterSpec(128, stored, 0, 12));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] pkcs8 = cipher.doFinal(stored, 12, stored.length - 12);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the suite's signing key does not decrypt with the development secret", e);
        }
    }

    static PrivateKey strangerKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
