package cl.compraagil.ml.winmodel;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Streams the priced bids of the training window in date order, sampling whole cotizaciones above a cap. */
@Repository
class TrainingData {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    TrainingData(DataSource dataSource, TransactionTemplate transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(5_000);
        this.transactions = transactions;
    }

    LocalDate newestDate() {
        Date newest = jdbc.queryForObject("SELECT max(fecha_cierre) FROM cot_quotes WHERE unit_price IS NOT NULL",
                Date.class);
        return newest == null ? null : newest.toLocalDate();
    }

    List<TrainingBid> bids(LocalDate since, int maxBids) {
        Long total = jdbc.queryForObject(
                "SELECT count(*) FROM cot_quotes WHERE unit_price IS NOT NULL AND fecha_cierre >= ?", Long.class, since);
        int permille = total == null || total <= maxBids ? 1000 : (int) Math.max(1, 1000L * maxBids / total);
        List<TrainingBid> bids = new ArrayList<>();
        transactions.executeWithoutResult(status -> jdbc.query("""
                SELECT codigo_cotizacion, codigo_producto, unit_price, seleccionado, fecha_cierre, fecha_publicacion,
                       region, rut_proveedor, bidders_in_quote
                FROM cot_quotes
                WHERE unit_price IS NOT NULL AND fecha_cierre >= ? AND codigo_producto IS NOT NULL
                  AND abs(hashtext(codigo_cotizacion)) % 1000 < ?
                ORDER BY fecha_cierre, codigo_cotizacion
                """, rs -> {
                    Date published = rs.getDate(6);
                    bids.add(new TrainingBid(rs.getString(1), rs.getInt(2), rs.getDouble(3), rs.getBoolean(4),
                            rs.getDate(5).toLocalDate(), published == null ? null : published.toLocalDate(),
                            rs.getString(7), rs.getString(8), rs.getInt(9)));
                }, since, permille));
        return bids;
    }
}
