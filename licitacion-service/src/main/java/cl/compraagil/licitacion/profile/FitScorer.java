package cl.compraagil.licitacion.profile;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The compatibility score: a weighted mean of keyword fit (over name, requested products and description, not
 * just the name as the bot did), low competition and amount fit, adjusted for region and delivery time. An
 * opportunity matching none of the company's terms never scores above 35, whatever its other merits.
 */
final class FitScorer {

    static final int NO_MATCH_CEILING = 35;
    private static final Locale CHILE = Locale.forLanguageTag("es-CL");

    private FitScorer() {
    }

    static Fit score(CompanyProfile profile, FitInput o) {
        List<String> reasons = new ArrayList<>();
        double keywords = keywordScore(profile, o, reasons);
        double competition = competitionScore(o.totalOfertas(), reasons);
        double amount = amountScore(profile, o.montoEstimado(), reasons);
        double wKeywords = weight(profile.pesos().palabrasClave());
        double wCompetition = weight(profile.pesos().competencia());
        double wAmount = weight(profile.pesos().monto());
        double score = (keywords * wKeywords + competition * wCompetition + amount * wAmount)
                / (wKeywords + wCompetition + wAmount);
        if (profile.regionCodigo() != null && o.regionCodigo() != null) {
            if (profile.regionCodigo().equals(o.regionCodigo())) {
                score += 5;
                reasons.add("Es en tu región.");
            } else {
                score -= 10;
                reasons.add("Es fuera de tu región.");
            }
        }
        if (profile.capacidadEntregaDias() != null && o.plazoEntregaDias() != null
                && o.plazoEntregaDias() < profile.capacidadEntregaDias()) {
            score -= 10;
            reasons.add("Pide entregar en " + o.plazoEntregaDias() + " días y tu capacidad es de "
                    + profile.capacidadEntregaDias() + ".");
        }
        if (keywords == 0) {
            score = Math.min(score, NO_MATCH_CEILING);
        }
        return Fit.of((int) Math.round(score), reasons);
    }

    private static double keywordScore(CompanyProfile profile, FitInput o, List<String> reasons) {
        TextMatch name = new TextMatch(o.nombre());
        TextMatch products = new TextMatch(o.productos());
        TextMatch description = new TextMatch(o.descripcion());
        double hits = 0;
        List<String> inName = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (String term : terms(profile)) {
            if (name.contains(term)) {
                hits += 1.0;
                inName.add(term);
            } else if (products.contains(term)) {
                hits += 0.8;
                elsewhere.add(term);
            } else if (description.contains(term)) {
                hits += 0.6;
                elsewhere.add(term);
            }
        }
        if (hits == 0) {
            reasons.add("No coincide con tus productos ni palabras clave.");
            return 0;
        }
        if (!inName.isEmpty()) {
            reasons.add("Coincide en el nombre con: " + String.join(", ", inName) + ".");
        }
        if (!elsewhere.isEmpty()) {
            reasons.add("Coincide en productos o descripción con: " + String.join(", ", elsewhere) + ".");
        }
        return Math.min(100, 40 + 15 * Math.min(hits, 4));
    }

    private static double competitionScore(Integer offers, List<String> reasons) {
        if (offers == null) {
            return 70;
        }
        if (offers == 0) {
            reasons.add("Aún no recibe ofertas.");
            return 100;
        }
        reasons.add("Ya recibió " + offers + (offers == 1 ? " oferta." : " ofertas."));
        return offers <= 2 ? 80 : offers <= 5 ? 50 : offers <= 10 ? 20 : 0;
    }

    private static double amountScore(CompanyProfile profile, Long amount, List<String> reasons) {
        Long min = profile.montoMinimo();
        Long max = profile.montoMaximo();
        if (amount == null || (min == null && max == null)) {
            return 50;
        }
        long low = min == null ? 0 : min;
        long high = max == null ? Long.MAX_VALUE : max;
        if (amount >= low && amount <= high) {
            reasons.add("El monto (" + clp(amount) + ") está dentro de tu rango.");
            return 100;
        }
        if (amount >= low * 0.8 && amount <= high * 1.2) {
            reasons.add("El monto (" + clp(amount) + ") está cerca de tu rango.");
            return 50;
        }
        reasons.add("El monto (" + clp(amount) + ") está fuera de tu rango.");
        return 0;
    }

    static Set<String> terms(CompanyProfile profile) {
        Set<String> terms = new LinkedHashSet<>();
        profile.palabrasClave().stream().map(String::strip).filter(t -> t.length() > 2).forEach(terms::add);
        if (profile.productosServicios() != null) {
            Arrays.stream(profile.productosServicios().split("[,;\\n]")).map(String::strip)
                    .filter(t -> t.length() > 2).forEach(terms::add);
        }
        return terms;
    }

    private static double weight(int level) {
        return level <= 1 ? 0.5 : level >= 3 ? 1.5 : 1.0;
    }

    private static String clp(long amount) {
        return "$" + NumberFormat.getIntegerInstance(CHILE).format(amount);
    }
}
