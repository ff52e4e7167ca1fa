package cl.compraagil.auth.password;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored Argon2id (v=19) hash in the PHC string format Spring Security's {@code Argon2PasswordEncoder} writes
 * and reads: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, base64 without padding.
 */
record Argon2idHash(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    /** Empty for anything else (another variant or version, malformed): the caller falls back to Spring's encoder. */
    static Optional<Argon2idHash> parse(String encoded) {
        Matcher matcher = encoded == null ? null : FORMAT.matcher(encoded);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            Argon2idHash hash = new Argon2idHash(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)), base64.decode(matcher.group(4)), base64.decode(matcher.group(5)));
            return hash.iterations() >= 1 && hash.parallelism() >= 1 && hash.hash().length >= 4
                    ? Optional.of(hash) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String encoded() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }
}
