package cl.compraagil.ml.text;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Spanish product text as the history compares it: without accents, case or punctuation, with stop words
 * removed and a light plural stemming, so "Resmas de papel carta" and "RESMA PAPEL CARTA" match.
 */
public final class SpanishText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Set<String> STOP_WORDS = Set.of("de", "del", "la", "las", "el", "los", "y", "o", "u", "en",
            "con", "para", "por", "a", "al", "un", "una", "unos", "unas", "su", "sus", "se", "que", "segun", "tipo",
            "equivalente", "similar", "otro", "otros", "incluye", "incluir");

    private SpanishText() {
    }

    /** Lower case, no accents, single spaces: the form stored in the product catalogue. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return NON_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    public static Set<String> tokens(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String word : normalise(text).split(" ")) {
            if (word.length() > 1 && !STOP_WORDS.contains(word)) {
                tokens.add(stem(word));
            }
        }
        return tokens;
    }

    /** Dice coefficient over stemmed tokens, 0 (nothing shared) to 1 (same words). */
    public static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String token : a) {
            if (b.contains(token)) {
                shared++;
            }
        }
        return 2.0 * shared / (a.size() + b.size());
    }

    static String stem(String word) {
        if (word.length() > 4 && word.endsWith("es") && !Character.isDigit(word.charAt(word.length() - 3))) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !Character.isDigit(word.charAt(word.length() - 2))) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
