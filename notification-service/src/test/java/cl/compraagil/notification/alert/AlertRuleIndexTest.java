package cl.compraagil.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRuleIndexTest {

    static AlertRule rule(long id, List<String> keywords, List<String> excluded, List<String> regions, List<String> unspsc,
            Long min, Long max, String tipo) {
        return new AlertRule(id, 1, null, "regla " + id, keywords, excluded, regions, List.of(), unspsc, min, max, tipo,
                List.of("inbox"), LocalTime.of(21, 0), LocalTime.of(8, 0), "America/Santiago", 20, "instant", true,
                Instant.now(), Instant.now());
    }

    static Licitacion licitacion(String nombre, String descripcion, List<String> productos, String region, Long monto,
            List<String> unspsc, String tipo) {
        return new Licitacion("2048-540-COT26", tipo, nombre, descripcion, "Municipalidad de Maipú", "69.070.900-7", region,
                monto, "CLP", "2026-11-27T15:00:00Z", "publicada", unspsc, productos, null);
    }

    private final Licitacion notebooks = licitacion("Adquisición de Notebooks 14 pulgadas", "Compra de computadores portátiles",
            List.of("Mouse inalámbrico"), "Región Metropolitana de Santiago", 1_500_000L, List.of("43211503"), "compra_agil");

    private List<Long> matches(List<AlertRule> rules, Licitacion licitacion) {
        return AlertRuleIndex.build(rules, 1).match(licitacion).stream().map(AlertRule::id).toList();
    }

    @Test
    void keywordsMatchAccentAndCaseInsensitivelyWithPluralsAndPhrases() {
        List<AlertRule> rules = List.of(
                rule(1, List.of("notebook"), List.of(), List.of(), List.of(), null, null, null),
                rule(2, List.of("COMPUTADOR PORTATIL"), List.of(), List.of(), List.of(), null, null, null),
                rule(3, List.of("mouse inalambricos"), List.of(), List.of(), List.of(), null, null, null),
                rule(4, List.of("impresora"), List.of(), List.of(), List.of(), null, null, null),
                rule(5, List.of("notebook gamer"), List.of(), List.of(), List.of(), null, null, null));
        assertThat(matches(rules, notebooks)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void exclusionsRegionsAmountTypeAndUnspscFilterTheCandidates() {
        List<AlertRule> rules = List.of(
                rule(1, List.of("notebook"), List.of("portátiles"), List.of(), List.of(), null, null, null),
                rule(2, List.of("notebook"), List.of(), List.of("Metropolitana"), List.of(), null, null, null),
                rule(3, List.of("notebook"), List.of(), List.of("Valparaíso"), List.of(), null, null, null),
                rule(4, List.of("notebook"), List.of(), List.of(), List.of(), 2_000_000L, null, null),
                rule(5, List.of("notebook"), List.of(), List.of(), List.of(), 1_000_000L, 2_000_000L, "compra_agil"),
                rule(6, List.of("notebook"), List.of(), List.of(), List.of(), null, null, "licitacion"),
                rule(7, List.of(), List.of(), List.of(), List.of("4321"), null, null, null),
                rule(8, List.of(), List.of(), List.of(), List.of("5012"), null, null, null));
        assertThat(matches(rules, notebooks)).containsExactly(2L, 5L, 7L);
    }

    @Test
    void tenThousandRulesMatchWellUnderTenMilliseconds() {
        List<AlertRule> rules = new java.util.ArrayList<>();
        String[] words = {"silla", "escritorio", "notebook", "impresora", "toner", "papel", "limpieza", "aseo", "guante", "mascarilla"};
        for (int i = 0; i < 10_000; i++) {
            rules.add(rule(i, List.of(words[i % words.length] + " " + (i % 7 == 0 ? "14" : "x" + i)), List.of(), List.of(),
                    List.of(), null, null, null));
        }
        AlertRuleIndex index = AlertRuleIndex.build(rules, 1);
        for (int i = 0; i < 200; i++) {
            index.match(notebooks);
        }
        long start = System.nanoTime();
        int runs = 1000;
        for (int i = 0; i < runs; i++) {
            index.match(notebooks);
        }
        double perEventMillis = (System.nanoTime() - start) / 1e6 / runs;
        assertThat(index.match(notebooks)).isNotEmpty();
        assertThat(perEventMillis).isLessThan(10.0);
    }
}
