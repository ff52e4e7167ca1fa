package cl.compraagil.ml.price;

import cl.compraagil.ml.text.SpanishText;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Memoised Spanish forms of the history's texts. The same product, region and organismo names come back in
 * every request (a few thousand distinct strings behind millions of bids), so each is normalised and
 * tokenised once instead of once per comparable bid per request. Bounded: cleared when it grows too large.
 */
final class TextMemo {

    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Set<String>> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> normalised = new ConcurrentHashMap<>();

    Set<String> tokens(String text) {
        return text == null ? Set.of() : lookup(tokens, text, t -> Set.copyOf(SpanishText.tokens(t)));
    }

    String normalised(String text) {
        return text == null ? "" : lookup(normalised, text, SpanishText::normalise);
    }

    private static <V> V lookup(Map<String, V> memo, String text, Function<String, V> compute) {
        V value = memo.get(text);
        if (value == null) {
            if (memo.size() >= MAX_ENTRIES) {
                memo.clear();
            }
            value = compute.apply(text);
            memo.put(text, value);
        }
        return value;
    }
}
