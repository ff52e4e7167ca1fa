package cl.compraagil.ml.history.parse;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds columns by name in a file's header, tolerant of the schema drift between years: names are compared
 * without case, accents, spaces or punctuation, several spellings (the official typos included) may name
 * one column, unknown columns are ignored and a missing optional column reads as null.
 */
public final class HeaderIndex {

    private final Map<String, Integer> positions = new HashMap<>();

    public HeaderIndex(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            positions.putIfAbsent(key(header.get(i)), i);
        }
    }

    /** @return the position of the first of the given names present, or -1 */
    public int find(String... names) {
        for (String name : names) {
            Integer position = positions.get(key(name));
            if (position != null) {
                return position;
            }
        }
        return -1;
    }

    public boolean has(String name) {
        return find(name) >= 0;
    }

    static String key(String name) {
        String plain = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "");
    }

    /** The value at a position, or null when the column is absent or the record is short. */
    public static String value(List<String> fields, int position) {
        return position < 0 || position >= fields.size() ? null : fields.get(position);
    }
}
