package cl.compraagil.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class PasswordHasherTest {

    private static final String PASSWORD = "Licitar-con-calma-2026";

    private final PasswordHashingProperties owaspMinimum = new PasswordHashingProperties(19456, 2, 1, 16, 32, 4);
    private final PasswordHasher hasher = new PasswordHasher(owaspMinimum);
    private final Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);

    @Test
    void writesArgon2idWithTheOwaspMinimumInSpringSecuritysFormat() {
        String hash = hasher.hash(PASSWORD);

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(spring.matches(PASSWORD, hash)).isTrue();
        assertThat(spring.matches(PASSWORD + "x", hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
    }

    @Test
    void hashesStoredBySpringSecuritysEncoderStillMatch() {
        String stored = spring.encode("contraseña con ñ y acentos: áéíóú");

        assertThat(hasher.matches("contraseña con ñ y acentos: áéíóú", stored)).isTrue();
        assertThat(hasher.matches("contrasena con n y acentos: aeiou", stored)).isFalse();
    }

    @Test
    void olderOrOtherArgon2HashesAreCheckedAndFlaggedForRehash() {
        String weaker = new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode(PASSWORD);
        String argon2i = "$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$"
                + "iSqFbZYtxHxsYKXyeqFlhxFk6GjpHk2EDJ6v5SXvUDk";

        assertThat(hasher.matches(PASSWORD, weaker)).isTrue();
        assertThat(hasher.needsRehash(weaker)).isTrue();
        assertThat(hasher.matches(PASSWORD, argon2i)).isFalse();
        assertThat(hasher.matches(PASSWORD, "not-a-hash")).isFalse();
    }

    @Test
    void anUnknownAccountNeverMatchesEvenWithTheDummysPassword() {
        assertThat(hasher.matches("dummy-password-for-unknown-accounts", null)).isFalse();
        assertThat(hasher.matches(PASSWORD, null)).isFalse();
    }

    @Test
    void aCheckReusesItsWorkingMemoryInsteadOfAllocating19MiB() {
        String stored = hasher.hash(PASSWORD);
        hasher.matches(PASSWORD, stored);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        assertThat(hasher.matches(PASSWORD, stored)).isTrue();

        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(1024 * 1024);
    }
}
