package cl.compraagil.ml.winmodel;

import cl.compraagil.ml.catalog.ProductMatcher;
import cl.compraagil.ml.licitacion.LicitacionClient;
import cl.compraagil.ml.price.ComparableQuotes;
import cl.compraagil.ml.price.QuoteObservation;
import cl.compraagil.problem.ApiProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Scores a bid with the serving win model, building the same features the trainer built from history. */
@Service
class WinProbabilityService {

    private final ModelRegistry registry;
    private final ProductMatcher matcher;
    private final ComparableQuotes quotes;
    private final JdbcClient jdbc;
    private final LicitacionClient licitaciones;

    WinProbabilityService(ModelRegistry registry, ProductMatcher matcher, ComparableQuotes quotes, JdbcClient jdbc,
            LicitacionClient licitaciones) {
        this.licitaciones = licitaciones;
        this.registry = registry;
        this.matcher = matcher;
        this.quotes = quotes;
        this.jdbc = jdbc;
    }

    ProbabilityAnswer predict(ProbabilityRequest given, String bearer) {
        ProbabilityRequest request = given.codigo() == null ? given
                : given.withLicitacion(licitaciones.fetch(given.codigo(), bearer));
        if (request.unspscCode() == null && (request.product() == null || request.product().isBlank())) {
            throw insufficient();
        }
        WinProbabilityModel model = registry.current().orElseThrow(() -> ApiProblem.unavailable("model_unavailable",
                "El modelo de probabilidad todavía se está entrenando con el historial. Intenta en unos minutos."));
        int code = request.unspscCode() != null ? request.unspscCode()
                : matcher.codesFor(request.product()).stream().findFirst().map(ProductMatcher.CodeMatch::code)
                        .orElseThrow(WinProbabilityService::insufficient);
        LocalDate today = LocalDate.now();
        List<QuoteObservation> recent = quotes.recent(List.of(code), today.minusYears(2), today.plusDays(1), 800);
        double[] winners = recent.stream().filter(QuoteObservation::won).limit(FeatureState.REFERENCE_WINDOW)
                .mapToDouble(QuoteObservation::unitPrice).sorted().toArray();
        if (winners.length < FeatureState.MIN_REFERENCE) {
            throw insufficient();
        }
        double reference = winners[winners.length / 2];
        int bidders = request.bidders() != null ? request.bidders() : typicalBidders(recent);
        int[] supplier = supplierRecord(request.supplierRut());
        WinFeatures features = new WinFeatures(request.offeredUnitPrice() / reference, bidders, supplier[0],
                supplier[1], request.daysToClose() == null ? 3 : request.daysToClose(), request.region(), code);
        double probability = Math.round(model.probability(features) * 1000) / 1000.0;
        ProbabilityAnswer.SupplierRecord record = request.supplierRut() == null ? null
                : new ProbabilityAnswer.SupplierRecord(supplier[0], supplier[1],
                        Math.round(features.supplierWinRate() * 1000) / 1000.0);
        return new ProbabilityAnswer(probability, model.version(), code, Math.round(reference),
                Math.round(features.priceRatio() * 1000) / 1000.0, bidders, record, reasons(features, reference, request));
    }

    private static ApiProblem insufficient() {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "insufficient_history",
                "No hay suficientes cotizaciones ganadoras de este producto para estimar la probabilidad.");
    }

    private static int typicalBidders(List<QuoteObservation> recent) {
        int[] counts = recent.stream().mapToInt(QuoteObservation::bidders).sorted().toArray();
        return counts.length == 0 ? 3 : Math.max(1, counts[counts.length / 2]);
    }

    private int[] supplierRecord(String rut) {
        if (rut == null) {
            return new int[2];
        }
        return jdbc.sql("""
                SELECT count(DISTINCT codigo_cotizacion), count(DISTINCT codigo_cotizacion) FILTER (WHERE seleccionado)
                FROM cot_quotes WHERE rut_proveedor = :rut
                """).param("rut", rut.toUpperCase(Locale.ROOT))
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }

    private static List<String> reasons(WinFeatures f, double reference, ProbabilityRequest request) {
        List<String> reasons = new ArrayList<>();
        long percent = Math.round((f.priceRatio() - 1) * 100);
        String money = String.format(Locale.ROOT, "%,d", Math.round(reference)).replace(',', '.');
        if (percent <= -3) {
            reasons.add("Tu precio está " + -percent + "% bajo la mediana de los precios ganadores recientes ($" + money
                    + "), lo que aumenta tus opciones.");
        } else if (percent >= 3) {
            reasons.add("Tu precio está " + percent + "% sobre la mediana de los precios ganadores recientes ($" + money
                    + "), lo que reduce tus opciones.");
        } else {
            reasons.add("Tu precio está en línea con la mediana de los precios ganadores recientes ($" + money + ").");
        }
        reasons.add(f.bidders() <= 2 ? "Se esperan pocos competidores (" + f.bidders() + "), lo que te favorece."
                : "Se esperan unos " + f.bidders() + " oferentes: a más competencia, menor probabilidad.");
        if (request.supplierRut() != null) {
            reasons.add(f.supplierBids() == 0 ? "No encontramos cotizaciones anteriores de tu RUT en el historial."
                    : "Tu historial: " + f.supplierWins() + " cotizaciones ganadas de " + f.supplierBids() + ".");
        }
        return reasons;
    }
}
