package cl.compraagil.ml.catalog;

import cl.compraagil.ml.text.SpanishText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a product text into the UNSPSC codes it most likely means, by trigram similarity (pg_trgm) over the
 * catalogue of distinct product texts seen in the history: a few thousand short strings, not millions of quotes.
 */
@Component
public class ProductMatcher {

    private static final int MAX_CODES = 3;

    private final JdbcClient jdbc;

    ProductMatcher(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A candidate code with the best similarity any of its texts reached (0..1). */
    public record CodeMatch(int code, double score) {
    }

    public List<CodeMatch> codesFor(String productText) {
        String query = SpanishText.normalise(productText);
        if (query.isBlank()) {
            return List.of();
        }
        List<CodeMatch> rows = jdbc.sql("""
                SELECT codigo_producto, greatest(word_similarity(:q, texto), similarity(texto, :q)) AS score
                FROM product_catalog WHERE :q <% texto OR texto % :q
                ORDER BY score DESC LIMIT 40
                """)
                .param("q", query)
                .query((rs, n) -> new CodeMatch(rs.getInt(1), rs.getDouble(2))).list();
        Map<Integer, Double> best = new LinkedHashMap<>();
        for (CodeMatch row : rows) {
            best.merge(row.code(), row.score(), Math::max);
        }
        List<CodeMatch> codes = new ArrayList<>();
        double top = rows.isEmpty() ? 0 : rows.get(0).score();
        for (Map.Entry<Integer, Double> entry : best.entrySet()) {
            if (entry.getValue() >= top * 0.8 && codes.size() < MAX_CODES) {
                codes.add(new CodeMatch(entry.getKey(), entry.getValue()));
            }
        }
        return codes;
    }
}
