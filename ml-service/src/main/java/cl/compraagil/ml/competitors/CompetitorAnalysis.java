package cl.compraagil.ml.competitors;

import cl.compraagil.ml.catalog.ProductMatcher;
import cl.compraagil.ml.competitors.CompetitorReport.Competitor;
import cl.compraagil.problem.ApiProblem;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who bids and who wins in a market. Counts are per cotización over all bids, so win rates mean something
 * (the bot only looked at winners, so every supplier "won" 100%).
 */
@Service
class CompetitorAnalysis {

    private final JdbcClient jdbc;
    private final ProductMatcher matcher;

    CompetitorAnalysis(JdbcClient jdbc, ProductMatcher matcher) {
        this.jdbc = jdbc;
        this.matcher = matcher;
    }

    CompetitorReport analyse(CompetitorQuery query) {
        List<Integer> codes = query.unspscCode() != null ? List.of(query.unspscCode())
                : query.product() == null || query.product().isBlank() ? List.of()
                : matcher.codesFor(query.product()).stream().map(ProductMatcher.CodeMatch::code).toList();
        if (query.unspscCode() == null && query.product() != null && !query.product().isBlank() && codes.isEmpty()) {
            throw ApiProblem.notFound("El producto '" + query.product().strip() + "' en el historial");
        }
        LocalDate to = LocalDate.now().plusDays(1);
        LocalDate from = to.minusMonths(query.months() == null ? 12 : query.months());
        StringBuilder where = new StringBuilder("fecha_cierre >= :from AND fecha_cierre < :to AND rut_proveedor IS NOT NULL");
        if (!codes.isEmpty()) {
            where.append(" AND codigo_producto IN (:codes)");
        }
        if (query.organismo() != null && !query.organismo().isBlank()) {
            where.append(" AND upper(organismo) = :organismo");
        }
        if (query.region() != null && !query.region().isBlank()) {
            where.append(" AND region ILIKE :region");
        }
        var statement = jdbc.sql("""
                SELECT rut_proveedor, max(proveedor),
                       count(DISTINCT codigo_cotizacion) AS bids,
                       count(DISTINCT codigo_cotizacion) FILTER (WHERE seleccionado) AS wins,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY unit_price),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN seleccionado THEN unit_price END)
                FROM cot_quotes WHERE %s
                GROUP BY rut_proveedor ORDER BY bids DESC, wins DESC LIMIT 200
                """.formatted(where))
                .param("from", from).param("to", to);
        if (!codes.isEmpty()) {
            statement = statement.param("codes", codes);
        }
        if (query.organismo() != null && !query.organismo().isBlank()) {
            statement = statement.param("organismo", query.organismo().strip().toUpperCase(Locale.ROOT));
        }
        if (query.region() != null && !query.region().isBlank()) {
            statement = statement.param("region", "%" + query.region().strip().replace("%", "") + "%");
        }
        List<Competitor> all = statement.query((rs, n) -> {
            int bids = rs.getInt(3);
            int wins = rs.getInt(4);
            double typical = rs.getDouble(5);
            Long typicalPrice = rs.wasNull() ? null : Math.round(typical);
            double winning = rs.getDouble(6);
            Long winningPrice = rs.wasNull() ? null : Math.round(winning);
            return new Competitor(rs.getString(1), rs.getString(2), bids, wins,
                    Math.round(1000.0 * wins / Math.max(bids, 1)) / 1000.0, typicalPrice, winningPrice);
        }).list();
        long totalBids = all.stream().mapToLong(Competitor::bids).sum();
        List<Competitor> frequentWinners = all.stream().filter(c -> c.bids() >= 3)
                .sorted(Comparator.comparingDouble(Competitor::winRate).reversed()).limit(5).toList();
        return new CompetitorReport(codes, query.organismo(), query.region(), from, to.minusDays(1), all.size(),
                totalBids, all.stream().limit(10).toList(), frequentWinners, summary(all, totalBids));
    }

    private static String summary(List<Competitor> all, long totalBids) {
        if (all.isEmpty()) {
            return "No encontramos cotizaciones en el historial para estos filtros.";
        }
        Competitor top = all.get(0);
        return String.format(Locale.ROOT, "%d proveedores presentaron %d ofertas. El más activo es %s, con %d ofertas y "
                + "una tasa de adjudicación de %.0f%%.", all.size(), totalBids, top.name(), top.bids(), top.winRate() * 100);
    }
}
