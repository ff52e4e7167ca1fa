package cl.compraagil.auth.apikey;

import cl.compraagil.auth.crypto.RandomTokens;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * GitHub-style key format: {@code cak_live_<30 base62 random>_<6 base62 CRC32>}. The type prefix makes a leaked key
 * recognisable by secret scanners; the checksum lets anyone reject a mistyped or invented key offline.
 */
final class ApiKeyFormat {

    static final String PREFIX = "cak_live_";
    static final int RANDOM_LENGTH = 30;
    static final int CHECKSUM_LENGTH = 6;
    static final int DISPLAY_PREFIX_LENGTH = PREFIX.length() + 6;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private ApiKeyFormat() {
    }

    static String generate() {
        String random = RandomTokens.base62(RANDOM_LENGTH);
        return PREFIX + random + "_" + checksum(random);
    }

    /** Shape and checksum only; says nothing about whether the key exists. */
    static boolean wellFormed(String key) {
        if (key == null || key.length() != PREFIX.length() + RANDOM_LENGTH + 1 + CHECKSUM_LENGTH || !key.startsWith(PREFIX)) {
            return false;
        }
        String random = key.substring(PREFIX.length(), PREFIX.length() + RANDOM_LENGTH);
        String check = key.substring(PREFIX.length() + RANDOM_LENGTH + 1);
        return key.charAt(PREFIX.length() + RANDOM_LENGTH) == '_' && random.chars().allMatch(c -> BASE62.indexOf(c) >= 0)
                && checksum(random).equals(check);
    }

    static String displayPrefix(String key) {
        return key.substring(0, DISPLAY_PREFIX_LENGTH);
    }

    static String checksum(String random) {
        CRC32 crc = new CRC32();
        crc.update(random.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }
}
