package cl.compraagil.licitacion.export;

import cl.compraagil.licitacion.entitlement.Entitlements;
import cl.compraagil.licitacion.entitlement.PlanLimits;
import cl.compraagil.licitacion.mercadopublico.ChileTime;
import cl.compraagil.problem.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts exports per user and Chile calendar month against the plan's {@code exports_per_month}, atomically
 * (two parallel exports cannot both take the last one). Over the limit answers 429 until the next month.
 */
@Component
public class ExportQuota {

    private final JdbcClient jdbc;
    private final Entitlements entitlements;
    private final Clock clock;

    ExportQuota(JdbcClient jdbc, Entitlements entitlements, Clock clock) {
        this.jdbc = jdbc;
        this.entitlements = entitlements;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void consume(long userId) {
        PlanLimits limits = entitlements.of(userId);
        Integer limit = limits.exportsPerMonth();
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ChileTime.ZONE));
        LocalDate month = now.toLocalDate().withDayOfMonth(1);
        boolean granted = (limit == null || limit > 0) && jdbc.sql("""
                INSERT INTO export_usage (user_id, month, used) VALUES (:user, :month, 1)
                ON CONFLICT (user_id, month) DO UPDATE SET used = export_usage.used + 1
                WHERE export_usage.used < :limit
                RETURNING used
                """)
                .param("user", userId)
                .param("month", month)
                .param("limit", limit == null ? Integer.MAX_VALUE : limit)
                .query(Integer.class)
                .optional()
                .isPresent();
        if (!granted) {
            long retryAfter = Duration.between(now, month.plusMonths(1).atStartOfDay(ChileTime.ZONE)).toSeconds();
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "quota_exceeded", limit == 0
                    ? "Tu plan " + limits.plan() + " no incluye exportaciones. Mejora tu plan para exportar a Excel o CSV."
                    : "Usaste las " + limit + " exportaciones de este mes de tu plan " + limits.plan() + ".")
                    .with("current_plan", limits.plan())
                    .with("upgrade_url", Entitlements.UPGRADE_URL)
                    .with("limit", limit)
                    .with("resource", "exports_per_month")
                    .withHeader("Retry-After", Long.toString(Math.max(1, retryAfter)));
        }
    }

    @Transactional
    public void forgetUser(long userId) {
        jdbc.sql("DELETE FROM export_usage WHERE user_id = :user").param("user", userId).update();
    }
}
