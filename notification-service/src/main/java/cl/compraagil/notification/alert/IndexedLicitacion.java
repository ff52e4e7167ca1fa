package cl.compraagil.notification.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A licitación's text tokenized once per event, with each token's positions for phrase lookups. */
record IndexedLicitacion(Licitacion source, List<String> tokens, Map<String, List<Integer>> positions, String region,
        String organismo) {

    static IndexedLicitacion of(Licitacion licitacion) {
        List<String> tokens = TextNormalizer.tokens(licitacion.searchableText());
        Map<String, List<Integer>> positions = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            positions.computeIfAbsent(tokens.get(i), t -> new ArrayList<>(2)).add(i);
        }
        return new IndexedLicitacion(licitacion, tokens, positions, TextNormalizer.normalize(licitacion.region()),
                TextNormalizer.normalize(licitacion.organismo()));
    }

    boolean contains(List<String> phrase) {
        List<Integer> starts = positions.get(phrase.get(0));
        if (starts == null) {
            return false;
        }
        for (int start : starts) {
            if (phraseAt(start, phrase)) {
                return true;
            }
        }
        return false;
    }

    boolean phraseAt(int start, List<String> phrase) {
        if (start + phrase.size() > tokens.size()) {
            return false;
        }
        for (int i = 1; i < phrase.size(); i++) {
            if (!tokens.get(start + i).equals(phrase.get(i))) {
                return false;
            }
        }
        return true;
    }

    boolean fromOrganismo(String normalizedName) {
        if (normalizedName.isEmpty()) {
            return false;
        }
        String rut = source.rutOrganismo();
        return organismo.contains(normalizedName) || rut != null && TextNormalizer.normalize(rut).equals(normalizedName);
    }
}
