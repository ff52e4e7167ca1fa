package cl.compraagil.notification.alert;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable inverted index of all active rules: keyword first token → rules. Matching an event looks up
 * each distinct token of the licitación once, then checks only the candidate rules' other filters.
 * Rules without keywords (only regions, organismos or UNSPSC codes) are checked directly.
 */
final class AlertRuleIndex {

    private final List<CompiledRule> rules;
    private final Map<String, List<KeywordEntry>> byFirstToken;
    private final int[] unkeyed;
    private final long version;

    private AlertRuleIndex(List<CompiledRule> rules, Map<String, List<KeywordEntry>> byFirstToken, int[] unkeyed, long version) {
        this.rules = rules;
        this.byFirstToken = byFirstToken;
        this.unkeyed = unkeyed;
        this.version = version;
    }

    static AlertRuleIndex build(List<AlertRule> activeRules, long version) {
        List<CompiledRule> compiled = activeRules.stream().map(CompiledRule::of).toList();
        Map<String, List<KeywordEntry>> index = new HashMap<>();
        List<Integer> unkeyed = new ArrayList<>();
        for (int i = 0; i < compiled.size(); i++) {
            CompiledRule rule = compiled.get(i);
            if (rule.keywords().isEmpty()) {
                unkeyed.add(i);
            }
            for (List<String> phrase : rule.keywords()) {
                index.computeIfAbsent(phrase.get(0), t -> new ArrayList<>()).add(new KeywordEntry(i, phrase));
            }
        }
        return new AlertRuleIndex(compiled, index, unkeyed.stream().mapToInt(Integer::intValue).toArray(), version);
    }

    long version() {
        return version;
    }

    int size() {
        return rules.size();
    }

    List<AlertRule> match(Licitacion licitacion) {
        IndexedLicitacion indexed = IndexedLicitacion.of(licitacion);
        BitSet candidates = new BitSet(rules.size());
        for (Map.Entry<String, List<Integer>> token : indexed.positions().entrySet()) {
            List<KeywordEntry> entries = byFirstToken.get(token.getKey());
            if (entries == null) {
                continue;
            }
            for (KeywordEntry entry : entries) {
                if (!candidates.get(entry.rule()) && anyStart(indexed, token.getValue(), entry.phrase())) {
                    candidates.set(entry.rule());
                }
            }
        }
        for (int rule : unkeyed) {
            candidates.set(rule);
        }
        List<AlertRule> matched = new ArrayList<>();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            CompiledRule rule = rules.get(i);
            if (rule.accepts(indexed)) {
                matched.add(rule.rule());
            }
        }
        return matched;
    }

    private static boolean anyStart(IndexedLicitacion indexed, List<Integer> starts, List<String> phrase) {
        if (phrase.size() == 1) {
            return true;
        }
        for (int start : starts) {
            if (indexed.phraseAt(start, phrase)) {
                return true;
            }
        }
        return false;
    }

    private record KeywordEntry(int rule, List<String> phrase) {
    }
}
