package cl.compraagil.licitacion.search;

import java.util.Arrays;

/**
 * The orders a search can take, each a keyset over (sort key, id) so cursor pages stay stable while rows
 * are added. Missing dates sort as infinitely late and missing amounts as -1.
 */
public enum SortOrder {
    RELEVANCE("relevancia", "ts_rank(l.search, query)", "real", true),
    CLOSING_SOONEST("fecha_cierre", "coalesce(l.fecha_cierre, 'infinity'::timestamptz)", "timestamptz", false),
    CLOSING_LATEST("-fecha_cierre", "coalesce(l.fecha_cierre, '-infinity'::timestamptz)", "timestamptz", true),
    NEWEST("-fecha_publicacion", "coalesce(l.fecha_publicacion, '-infinity'::timestamptz)", "timestamptz", true),
    OLDEST("fecha_publicacion", "coalesce(l.fecha_publicacion, 'infinity'::timestamptz)", "timestamptz", false),
    AMOUNT_ASC("monto", "coalesce(l.monto_estimado, -1)", "bigint", false),
    AMOUNT_DESC("-monto", "coalesce(l.monto_estimado, -1)", "bigint", true);

    private final String code;
    private final String expression;
    private final String sqlType;
    private final boolean descending;

    SortOrder(String code, String expression, String sqlType, boolean descending) {
        this.code = code;
        this.expression = expression;
        this.sqlType = sqlType;
        this.descending = descending;
    }

    public String code() {
        return code;
    }

    String expression() {
        return expression;
    }

    String sqlType() {
        return sqlType;
    }

    boolean descending() {
        return descending;
    }

    public static SortOrder fromCode(String code) {
        return Arrays.stream(values()).filter(order -> order.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(code));
    }
}
