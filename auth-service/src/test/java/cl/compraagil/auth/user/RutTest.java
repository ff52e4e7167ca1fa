package cl.compraagil.auth.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RutTest {

    @Test
    void validRutsAreNormalisedWithoutDots() {
        assertThat(Rut.normalize("12.345.678-5")).isEqualTo("12345678-5");
        assertThat(Rut.normalize("123456785")).isEqualTo("12345678-5");
        assertThat(Rut.normalize("11.111.111-1")).isEqualTo("11111111-1");
        assertThat(Rut.normalize("76.086.428-5")).isEqualTo("76086428-5");
    }

    @Test
    void checkDigitKAndZeroAreComputed() {
        assertThat(Rut.checkDigit("10000013")).isEqualTo('K');
        assertThat(Rut.normalize("10.000.013-k")).isEqualTo("10000013-K");
        assertThat(Rut.checkDigit("76123456")).isEqualTo('0');
    }

    @Test
    void wrongCheckDigitOrGarbageIsInvalid() {
        assertThat(Rut.isValid("12.345.678-9")).isFalse();
        assertThat(Rut.isValid("abc")).isFalse();
        assertThat(Rut.isValid("")).isFalse();
        assertThat(Rut.isValid(null)).isFalse();
        assertThat(Rut.isValid("1.234.567.890-1")).isFalse();
    }
}
