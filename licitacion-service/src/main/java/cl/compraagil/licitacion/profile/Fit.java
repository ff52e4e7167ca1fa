package cl.compraagil.licitacion.profile;

import java.util.List;

/** How well an opportunity fits a company: a 0–100 score, its level (alta ≥ 70, media ≥ 40, baja) and why. */
public record Fit(int score, String nivel, List<String> razones) {

    static Fit of(int score, List<String> razones) {
        int bounded = Math.max(0, Math.min(100, score));
        return new Fit(bounded, bounded >= 70 ? "alta" : bounded >= 40 ? "media" : "baja", List.copyOf(razones));
    }
}
