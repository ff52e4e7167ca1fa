package cl.compraagil.ml.price;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the most recent priced bids of a product code before a date. One indexed range scan per code
 * ({@code codigo_producto, fecha_cierre DESC}), so the cost does not grow with the size of the history.
 */
@Repository
public class ComparableQuotes {

    private final JdbcClient jdbc;

    ComparableQuotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<QuoteObservation> recent(List<Integer> codes, LocalDate since, LocalDate before, int limitPerCode) {
        List<QuoteObservation> observations = new ArrayList<>();
        for (Integer code : codes) {
            observations.addAll(jdbc.sql("""
                    SELECT codigo_cotizacion, producto, codigo_producto, cantidad, unit_price, seleccionado,
                           fecha_cierre, region, organismo, proveedor, rut_proveedor, bidders_in_quote
                    FROM cot_quotes
                    WHERE codigo_producto = :code AND unit_price IS NOT NULL
                      AND fecha_cierre >= :since AND fecha_cierre < :before
                    ORDER BY fecha_cierre DESC LIMIT :limit
                    """)
                    .param("code", code).param("since", since).param("before", before).param("limit", limitPerCode)
                    .query((rs, n) -> new QuoteObservation(rs.getString(1), rs.getString(2), rs.getInt(3),
                            rs.getDouble(4), rs.getDouble(5), rs.getBoolean(6), rs.getDate(7).toLocalDate(),
                            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getInt(12)))
                    .list());
        }
        return observations;
    }
}
