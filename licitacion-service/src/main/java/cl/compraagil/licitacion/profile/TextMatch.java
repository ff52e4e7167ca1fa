package cl.compraagil.licitacion.profile;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accent- and case-insensitive matching of profile terms against opportunity text, with a light Spanish
 * stemming (plural and gender endings) so "computadores" matches "computador" and "guantes" matches "guante".
 */
final class TextMatch {

    private final Set<String> tokens;

    TextMatch(String text) {
        this.tokens = text == null ? Set.of() : Arrays.stream(fold(text).split(" "))
                .filter(token -> token.length() > 1).collect(Collectors.toSet());
    }

    /** True when every word of the term appears (stemmed) in the text. */
    boolean contains(String term) {
        List<String> words = words(term);
        return !words.isEmpty() && words.stream().allMatch(word -> tokens.stream().anyMatch(token -> token.startsWith(stem(word))));
    }

    static List<String> words(String term) {
        return Arrays.stream(fold(term).split(" ")).filter(word -> word.length() > 2).toList();
    }

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9ñ]+", " ").strip();
    }

    static String stem(String word) {
        String stem = word;
        if (stem.length() > 4 && stem.endsWith("es")) {
            stem = stem.substring(0, stem.length() - 2);
        } else if (stem.length() > 3 && stem.endsWith("s")) {
            stem = stem.substring(0, stem.length() - 1);
        }
        if (stem.length() > 5 && "aeo".indexOf(stem.charAt(stem.length() - 1)) >= 0) {
            stem = stem.substring(0, stem.length() - 1);
        }
        return stem;
    }
}
