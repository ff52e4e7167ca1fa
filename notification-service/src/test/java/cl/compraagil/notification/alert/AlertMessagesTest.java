package cl.compraagil.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertMessagesTest {

    private static final AlertRule RULE = new AlertRule(1L, 7L, null, "Notebooks", List.of("notebook"), List.of(),
            List.of(), List.of(), List.of(), null, null, null, List.of("inbox", "email", "telegram"), null, null,
            "America/Santiago", 20, "instant", true, Instant.now(), Instant.now());

    private static Licitacion closingAt(String fechaCierre) {
        return new Licitacion("2048-540-COT26", "compra_agil", "Notebook 14 pulgadas", null, "I MUNICIPALIDAD DE MAIPU",
                null, null, 1_500_000L, "CLP", fechaCierre, "publicada", List.of(), List.of(), null);
    }

    @ParameterizedTest(name = "{0} closes {1}")
    @CsvSource({
            "summer (UTC-3), 2026-11-27T18:00:00Z, el 27-11-2026 a las 15:00 (hora de Chile)",
            "winter (UTC-4), 2027-07-15T19:00:00Z, el 15-07-2027 a las 15:00 (hora de Chile)"})
    void everyChannelShowsTheClosingTimeOnChileClock(String season, String fechaCierre, String chileTime) {
        Licitacion licitacion = closingAt(fechaCierre);
        String utcHour = fechaCierre.substring(11, 16);

        List<String> texts = List.of(AlertMessages.inboxBody(RULE, licitacion),
                AlertMessages.emailBody("Ana", RULE, licitacion, "https://compraagil.cl/l/2048-540-COT26"),
                AlertMessages.telegramText(RULE, licitacion, "https://compraagil.cl/l/2048-540-COT26"));

        assertThat(texts).allSatisfy(text -> assertThat(text).contains("Cierra " + chileTime).doesNotContain(utcHour));
    }
}
