package cl.compraagil.notification.alert;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns Spanish text into comparable tokens: lower case, accents removed, punctuation dropped and a light
 * plural stemming ("computadores" → "computador", "sillas" → "silla"), so "Sillas ergonómicas" matches "silla ergonomica".
 */
final class TextNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private TextNormalizer() {
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String folded = MARKS.matcher(Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("");
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            out.append(Character.isLetterOrDigit(c) ? c : ' ');
        }
        return out.toString().trim();
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String word : normalize(text).split("\\s+")) {
            if (!word.isEmpty()) {
                tokens.add(stem(word));
            }
        }
        return tokens;
    }

    static String stem(String word) {
        int n = word.length();
        if (n > 4 && word.endsWith("es") && "rlndj".indexOf(word.charAt(n - 3)) >= 0) {
            return word.substring(0, n - 2);
        }
        if (n > 3 && word.endsWith("s") && !Character.isDigit(word.charAt(n - 2))) {
            return word.substring(0, n - 1);
        }
        return word;
    }
}
