package cl.compraagil.auth.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Cryptographically random secrets handed to clients (refresh tokens, reset links, codes). */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** No 0/O/1/I/L: a code a person types into Telegram must not be ambiguous. */
    private static final String READABLE = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private RandomTokens() {
    }

    /** {@code bytes} random bytes as unpadded base64url (32 bytes = 256 bits). */
    public static String urlSafe(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    public static String base62(int length) {
        return pick(BASE62, length);
    }

    public static String readableCode(int length) {
        return pick(READABLE, length);
    }

    private static String pick(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
