package cl.compraagil.notification.alert;

import java.util.List;

/** A rule with its text pre-normalized once, so matching an event does no string work per rule. */
record CompiledRule(AlertRule rule, List<List<String>> keywords, List<List<String>> excluded, List<String> regions,
        List<String> organismos, List<String> unspscCodes) {

    static CompiledRule of(AlertRule rule) {
        return new CompiledRule(rule, phrases(rule.keywords()), phrases(rule.excludedKeywords()),
                rule.regions().stream().map(TextNormalizer::normalize).toList(),
                rule.organismos().stream().map(TextNormalizer::normalize).toList(),
                List.copyOf(rule.unspscCodes()));
    }

    private static List<List<String>> phrases(List<String> keywords) {
        return keywords.stream().map(TextNormalizer::tokens).filter(tokens -> !tokens.isEmpty()).toList();
    }

    /** The filters other than the positive keywords, which the index already checked. */
    boolean accepts(IndexedLicitacion licitacion) {
        for (List<String> phrase : excluded) {
            if (licitacion.contains(phrase)) {
                return false;
            }
        }
        AlertRule r = rule;
        if (r.tipo() != null && !r.tipo().equals(licitacion.source().tipo())) {
            return false;
        }
        Long amount = licitacion.source().montoEstimado();
        if (amount != null && (r.minAmount() != null && amount < r.minAmount() || r.maxAmount() != null && amount > r.maxAmount())) {
            return false;
        }
        if (!regions.isEmpty() && regions.stream().noneMatch(region -> !region.isEmpty() && licitacion.region().contains(region))) {
            return false;
        }
        if (!organismos.isEmpty() && organismos.stream().noneMatch(licitacion::fromOrganismo)) {
            return false;
        }
        return unspscCodes.isEmpty() || licitacion.source().unspscCodes().stream()
                .anyMatch(code -> unspscCodes.stream().anyMatch(code::startsWith));
    }
}
