package cl.compraagil.licitacion.mercadopublico;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Chile's 16 regions with their INE numbers (13 = Metropolitana), matched by name whatever the accents or padding. */
public final class Regions {

    private static final Map<Integer, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(1, "Región de Tarapacá");
        NAMES.put(2, "Región de Antofagasta");
        NAMES.put(3, "Región de Atacama");
        NAMES.put(4, "Región de Coquimbo");
        NAMES.put(5, "Región de Valparaíso");
        NAMES.put(6, "Región del Libertador General Bernardo O´Higgins");
        NAMES.put(7, "Región del Maule");
        NAMES.put(8, "Región del Biobío");
        NAMES.put(9, "Región de la Araucanía");
        NAMES.put(10, "Región de los Lagos");
        NAMES.put(11, "Región Aysén del General Carlos Ibáñez del Campo");
        NAMES.put(12, "Región de Magallanes y de la Antártica");
        NAMES.put(13, "Región Metropolitana de Santiago");
        NAMES.put(14, "Región de Los Ríos");
        NAMES.put(15, "Región de Arica y Parinacota");
        NAMES.put(16, "Región del Ñuble");
    }

    private static final Map<String, Integer> KEYWORDS = Map.ofEntries(
            Map.entry("tarapaca", 1), Map.entry("antofagasta", 2), Map.entry("atacama", 3), Map.entry("coquimbo", 4),
            Map.entry("valparaiso", 5), Map.entry("higgins", 6), Map.entry("maule", 7), Map.entry("biobio", 8),
            Map.entry("bio bio", 8), Map.entry("araucania", 9), Map.entry("los lagos", 10), Map.entry("aysen", 11),
            Map.entry("magallanes", 12), Map.entry("metropolitana", 13), Map.entry("los rios", 14),
            Map.entry("arica", 15), Map.entry("nuble", 16));

    private Regions() {
    }

    public static Map<Integer, String> all() {
        return NAMES;
    }

    public static String name(Integer code) {
        return code == null ? null : NAMES.get(code);
    }

    /** @return the INE number of a region name such as "Región de Valparaíso " or "RM", or null */
    public static Integer code(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String folded = fold(name);
        if (folded.equals("rm") || folded.contains("santiago")) {
            return 13;
        }
        return KEYWORDS.entrySet().stream()
                .filter(entry -> folded.contains(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").replaceAll("\\s+", " ").strip();
    }
}
