package cl.compraagil.licitacion.ingestion;

import cl.compraagil.licitacion.mercadopublico.MercadoPublicoException;
import cl.compraagil.licitacion.mercadopublico.MercadoPublicoProperties;
import cl.compraagil.licitacion.mercadopublico.TicketLane;
import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators' view of ingestion: its state per source, and a way to poll a source now. Admins only. */
@RestController
@RequestMapping("/api/v1/licitaciones/ingestion")
class IngestionController {

    private final IngestionRunner runner;
    private final IngestionState state;
    private final TicketLane lane;
    private final MercadoPublicoProperties mercadoPublico;

    IngestionController(IngestionRunner runner, IngestionState state, TicketLane lane,
            MercadoPublicoProperties mercadoPublico) {
        this.runner = runner;
        this.state = state;
        this.lane = lane;
        this.mercadoPublico = mercadoPublico;
    }

    @GetMapping
    @Operation(summary = "Estado de la ingesta desde Mercado Público (solo administradores)")
    IngestionStatus status(AuthenticatedUser user) {
        requireAdmin(user);
        return new IngestionStatus(mercadoPublico.hasTicket(), lane.circuitState().name().toLowerCase(Locale.ROOT),
                state.all());
    }

    @PostMapping("/{source}/runs")
    @Operation(summary = "Consulta Mercado Público ahora (solo administradores)")
    RunSummary run(AuthenticatedUser user, @PathVariable String source) {
        requireAdmin(user);
        Source which = switch (source) {
            case "compra-agil" -> Source.COMPRA_AGIL;
            case "licitaciones" -> Source.LICITACIONES;
            default -> throw ApiProblem.notFound("La fuente '" + source + "'");
        };
        if (!mercadoPublico.hasTicket()) {
            throw ApiProblem.unavailable("mercadopublico_not_configured",
                    "Mercado Público no está configurado en este ambiente (falta el ticket).");
        }
        try {
            return runner.run(which).orElseThrow(() -> ApiProblem.conflict("ingestion_running",
                    "Otra instancia está consultando esta fuente en este momento."));
        } catch (MercadoPublicoException e) {
            if (e.retryable() || e.reason() == MercadoPublicoException.Reason.CIRCUIT_OPEN
                    || e.reason() == MercadoPublicoException.Reason.QUOTA_EXHAUSTED) {
                throw ApiProblem.unavailable("mercadopublico_unavailable",
                        "Mercado Público no está disponible o se agotó la cuota diaria; intenta más tarde.");
            }
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "mercadopublico_error",
                    "Mercado Público rechazó la consulta (" + e.reason().name().toLowerCase(Locale.ROOT) + ").");
        }
    }

    private static void requireAdmin(AuthenticatedUser user) {
        if (!user.isAdmin()) {
            throw ApiProblem.notFound("El recurso");
        }
    }

    record IngestionStatus(boolean ticketConfigured, String circuit, List<IngestionState.SourceStatus> sources) {
    }
}
