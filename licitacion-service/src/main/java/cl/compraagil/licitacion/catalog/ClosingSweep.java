package cl.compraagil.licitacion.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announces open opportunities entering a closing-soon window (default 24 h and 2 h before fecha_cierre) with
 * {@code licitacion.closing}, once per window and closing date: a postponed closing is announced again.
 * An opportunity first seen inside several windows is announced once, for the narrowest one. A Compra Ágil second
 * call has its own closing date, so its windows are announced again.
 */
@Service
public class ClosingSweep {

    private final JdbcClient jdbc;
    private final CatalogEvents events;
    private final ApplicationEventPublisher publisher;
    private final List<Integer> windows;
    private final Clock clock;

    ClosingSweep(JdbcClient jdbc, CatalogEvents events, ApplicationEventPublisher publisher, ClosingProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.publisher = publisher;
        this.windows = properties.windowsHours().stream().sorted().toList();
        this.clock = clock;
    }

    /** @return how many closing events were written */
    @Transactional
    public int sweep() {
        if (windows.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        int widest = windows.get(windows.size() - 1);
        List<Candidate> candidates = jdbc.sql("""
                SELECT id, codigo, nombre, estado, convocatoria, fecha_cierre FROM licitaciones
                WHERE estado = 'publicada' AND fecha_cierre > :now AND fecha_cierre <= :until
                ORDER BY fecha_cierre
                FOR UPDATE SKIP LOCKED
                """)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plusSeconds(widest * 3600L)))
                .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("codigo"), rs.getString("nombre"),
                        rs.getString("estado"), rs.getObject("convocatoria", Integer.class),
                        rs.getTimestamp("fecha_cierre").toInstant()))
                .list();
        int announced = 0;
        for (Candidate candidate : candidates) {
            long secondsLeft = candidate.fechaCierre().getEpochSecond() - now.getEpochSecond();
            int narrowest = windows.stream().filter(h -> h * 3600L >= secondsLeft).min(Comparator.naturalOrder())
                    .orElseThrow();
            if (markAnnounced(candidate, narrowest)) {
                events.publish(CatalogEvents.CLOSING, candidate.id(), null, narrowest, List.of());
                publisher.publishEvent(new OpportunityClosing(candidate.codigo(), candidate.nombre(),
                        candidate.estado(), candidate.convocatoria(), candidate.fechaCierre(), narrowest));
                announced++;
            }
        }
        return announced;
    }

    /** Marks this window and every wider one; true if this window was not announced before. */
    private boolean markAnnounced(Candidate candidate, int narrowest) {
        boolean fresh = false;
        for (int hours : windows) {
            if (hours < narrowest) {
                continue;
            }
            int inserted = jdbc.sql("""
                    INSERT INTO licitacion_closing_notices (licitacion_id, hours_before, fecha_cierre)
                    VALUES (:id, :hours, :cierre) ON CONFLICT DO NOTHING
                    """)
                    .param("id", candidate.id())
                    .param("hours", hours)
                    .param("cierre", Timestamp.from(candidate.fechaCierre()))
                    .update();
            if (hours == narrowest) {
                fresh = inserted == 1;
            }
        }
        return fresh;
    }

    private record Candidate(long id, String codigo, String nombre, String estado, Integer convocatoria,
            Instant fechaCierre) {
    }
}
