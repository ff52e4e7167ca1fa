package cl.compraagil.licitacion.mercadopublico;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-ticket daily request budget, counted in PostgreSQL so every replica spends from the same
 * allowance. It resets on the Chile calendar day, as Mercado Público's quota does.
 */
@Component
class DailyRequestBudget {

    private final JdbcClient jdbc;
    private final Clock clock;

    DailyRequestBudget(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Takes one request from today's budget; a negative limit means unlimited (still counted). */
    void consume(String api, int limit) {
        int effective = limit < 0 ? Integer.MAX_VALUE : limit;
        boolean granted = jdbc.sql("""
                INSERT INTO api_request_budget (api, day, used) VALUES (:api, :day, 1)
                ON CONFLICT (api, day) DO UPDATE SET used = api_request_budget.used + 1
                WHERE api_request_budget.used < :limit
                RETURNING used
                """)
                .param("api", api)
                .param("day", today())
                .param("limit", effective)
                .query(Integer.class)
                .optional()
                .filter(used -> used <= effective)
                .isPresent();
        if (!granted) {
            throw new MercadoPublicoException(MercadoPublicoException.Reason.QUOTA_EXHAUSTED,
                    "Daily request budget of " + limit + " for " + api + " is spent");
        }
    }

    int used(String api) {
        return jdbc.sql("SELECT coalesce(max(used), 0) FROM api_request_budget WHERE api = :api AND day = :day")
                .param("api", api)
                .param("day", today())
                .query(Integer.class)
                .single();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ChileTime.ZONE));
    }
}
