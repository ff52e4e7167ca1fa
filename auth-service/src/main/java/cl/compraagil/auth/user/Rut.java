package cl.compraagil.auth.user;

import java.util.Locale;

/** Chilean RUT: number plus a modulo-11 check digit (0-9 or K), stored as {@code 12345678-5}. */
public final class Rut {

    private Rut() {
    }

    public static boolean isValid(String text) {
        return normalize(text) != null;
    }

    /** @return the canonical form without dots, or null when the text is not a valid RUT */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String compact = text.replace(".", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (!compact.matches("\\d{1,8}-?[\\dK]")) {
            return null;
        }
        String digits = compact.replace("-", "");
        String number = digits.substring(0, digits.length() - 1).replaceFirst("^0+(?=\\d)", "");
        char check = digits.charAt(digits.length() - 1);
        return checkDigit(number) == check ? number + "-" + check : null;
    }

    static char checkDigit(String number) {
        int sum = 0;
        int factor = 2;
        for (int i = number.length() - 1; i >= 0; i--) {
            sum += (number.charAt(i) - '0') * factor;
            factor = factor == 7 ? 2 : factor + 1;
        }
        int result = 11 - (sum % 11);
        return result == 11 ? '0' : result == 10 ? 'K' : (char) ('0' + result);
    }
}
