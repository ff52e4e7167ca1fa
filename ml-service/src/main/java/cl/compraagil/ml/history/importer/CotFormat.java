package cl.compraagil.ml.history.importer;

import static cl.compraagil.ml.history.parse.FieldValues.date;
import static cl.compraagil.ml.history.parse.FieldValues.decimal;
import static cl.compraagil.ml.history.parse.FieldValues.flag;
import static cl.compraagil.ml.history.parse.FieldValues.integer;
import static cl.compraagil.ml.history.parse.FieldValues.rut;
import static cl.compraagil.ml.history.parse.FieldValues.text;

import cl.compraagil.ml.history.parse.FieldValues.RejectedValue;
import cl.compraagil.ml.history.parse.HeaderIndex;
import cl.compraagil.ml.history.parse.OpenDataCsvReader.CsvRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compra Ágil quotations ({@code COT_yyyy-mm}): one record per cotización × product × bidder. The rows of one
 * cotización are contiguous, so they are buffered together to count its products and bidders and to derive
 * a unit price only where it is well defined (a single requested product).
 */
final class CotFormat implements DatasetFormat {

    private static final int MAX_GROUP = 5_000;
    private static final List<String> COLUMNS = List.of("codigo_cotizacion", "nombre_cotizacion", "descripcion",
            "organismo", "unidad_compra", "rut_unidad", "region", "fecha_publicacion", "fecha_cierre", "plazo_entrega",
            "monto_disponible", "producto", "codigo_producto", "nombre_generico", "cantidad", "estado", "proveedor",
            "rut_proveedor", "tamano", "detalle", "seleccionado", "moneda", "monto_original", "monto_total",
            "products_in_quote", "bidders_in_quote", "unit_price", "criterio", "codigo_oc", "estado_oc");

    private final CurrencyRates rates;
    private final List<Parsed> group = new ArrayList<>();
    private String groupCodigo;
    private int codigo, nombre, descripcion, organismo, unidad, rutUnidad, region, publicacion, cierre, plazo,
            disponible, producto, codigoProducto, generico, cantidad, estado, proveedor, rutProveedor, tamano,
            detalle, seleccionado, moneda, monto, criterio, codigoOc, estadoOc;

    CotFormat(CurrencyRates rates) {
        this.rates = rates;
    }

    private record Parsed(long lineNo, Object[] values, String productKey, String bidder, BigDecimal totalClp,
            BigDecimal quantity) {
    }

    @Override
    public String table() {
        return "cot_quotes";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public void start(HeaderIndex h) {
        codigo = required(h, "CodigoCotizacion");
        seleccionado = required(h, "ProveedorSeleccionado");
        monto = required(h, "MontoTotal");
        nombre = h.find("NombreCotizacion");
        descripcion = h.find("DescripcionCotizacion");
        organismo = h.find("NombreOOPP", "NombreOrganismo");
        unidad = h.find("NombreUnidaddeCompra", "RazonSocialUnidaddeCompra");
        rutUnidad = h.find("RUTUnidaddeCompra");
        region = h.find("Region", "RegionUnidad");
        publicacion = h.find("FechaPublicacionParaCotizar", "FechaPublicacion");
        cierre = h.find("FechaCierreParaCotizar", "FechaCierre");
        plazo = h.find("PlazoEntrega");
        disponible = h.find("MontoTotalDisponble", "MontoTotalDisponible");
        producto = h.find("ProductoCotizado");
        codigoProducto = h.find("CodigoProducto", "CodigoProductoONU");
        generico = h.find("NombreProductoGenerico", "Nombre producto genrico", "Nombre producto generico");
        cantidad = h.find("CantidadSolicitada", "Cantidad");
        estado = h.find("Estado");
        proveedor = h.find("RazonSocialProveedor", "NombreProveedor");
        rutProveedor = h.find("RUTProveedor", "RutProveedor");
        tamano = h.find("Tamano", "Tamaño");
        detalle = h.find("DetalleCotizacion");
        moneda = h.find("moneda", "Moneda");
        criterio = h.find("NombreCriterio");
        codigoOc = h.find("CodigoOC");
        estadoOc = h.find("EstadoOC");
    }

    static int required(HeaderIndex header, String... names) {
        int position = header.find(names);
        if (position < 0) {
            throw new IllegalArgumentException("Falta la columna obligatoria " + names[0]);
        }
        return position;
    }

    @Override
    public void accept(CsvRecord record, RowOutput out) throws IOException {
        List<String> f = record.fields();
        String code = text(HeaderIndex.value(f, codigo));
        if (code == null) {
            out.reject(record.lineNo(), "sin CodigoCotizacion");
            return;
        }
        Parsed parsed;
        try {
            parsed = parse(record.lineNo(), code, f);
        } catch (RejectedValue | ArithmeticException e) {
            out.reject(record.lineNo(), e.getMessage());
            return;
        }
        if (!code.equals(groupCodigo) || group.size() >= MAX_GROUP) {
            flush(out);
            groupCodigo = code;
        }
        group.add(parsed);
    }

    private Parsed parse(long lineNo, String code, List<String> f) {
        String currency = text(HeaderIndex.value(f, moneda));
        BigDecimal original = decimal(HeaderIndex.value(f, monto));
        BigDecimal clp = rates.toClp(original, currency);
        Long productCode = integer(HeaderIndex.value(f, codigoProducto));
        String product = text(HeaderIndex.value(f, producto));
        BigDecimal quantity = decimal(HeaderIndex.value(f, cantidad));
        String bidderRut = rut(HeaderIndex.value(f, rutProveedor));
        Boolean selected = flag(HeaderIndex.value(f, seleccionado));
        Object[] values = {code, text(HeaderIndex.value(f, nombre)), text(HeaderIndex.value(f, descripcion)),
                text(HeaderIndex.value(f, organismo)), text(HeaderIndex.value(f, unidad)),
                rut(HeaderIndex.value(f, rutUnidad)), text(HeaderIndex.value(f, region)),
                date(HeaderIndex.value(f, publicacion)), date(HeaderIndex.value(f, cierre)),
                integer(HeaderIndex.value(f, plazo)), integer(HeaderIndex.value(f, disponible)), product,
                productCode, text(HeaderIndex.value(f, generico)), quantity, text(HeaderIndex.value(f, estado)),
                text(HeaderIndex.value(f, proveedor)), bidderRut, text(HeaderIndex.value(f, tamano)),
                text(HeaderIndex.value(f, detalle)), Boolean.TRUE.equals(selected), currency, original,
                clp == null ? null : clp.setScale(0, RoundingMode.HALF_UP), null, null, null,
                text(HeaderIndex.value(f, criterio)), text(HeaderIndex.value(f, codigoOc)),
                text(HeaderIndex.value(f, estadoOc))};
        boolean excluded = original != null && clp == null;
        return new Parsed(lineNo, values, productCode + "|" + product, bidderRut,
                excluded ? null : clp, quantity);
    }

    private void flush(RowOutput out) throws IOException {
        if (group.isEmpty()) {
            return;
        }
        Set<String> products = new HashSet<>();
        Set<String> bidders = new HashSet<>();
        for (Parsed row : group) {
            products.add(row.productKey());
            if (row.bidder() != null) {
                bidders.add(row.bidder());
            }
        }
        for (Parsed row : group) {
            Object[] values = row.values();
            values[24] = (short) Math.min(products.size(), Short.MAX_VALUE);
            values[25] = (short) Math.min(bidders.size(), Short.MAX_VALUE);
            if (products.size() == 1 && row.totalClp() != null && row.quantity() != null
                    && row.quantity().signum() > 0 && row.totalClp().signum() > 0) {
                values[26] = row.totalClp().divide(row.quantity(), 2, RoundingMode.HALF_UP);
            }
            if (values[22] != null && Objects.isNull(values[23])) {
                out.excludedCurrency();
            }
            out.row(row.lineNo(), values);
        }
        group.clear();
    }

    @Override
    public void finish(RowOutput out) throws IOException {
        flush(out);
        groupCodigo = null;
    }

    @Override
    public String catalogSql() {
        // distinct texts first: unaccent and the regex then run once per text, not once per bid
        return """
                INSERT INTO product_catalog (codigo_producto, texto)
                SELECT DISTINCT codigo_producto, btrim(regexp_replace(lower(unaccent(texto)), '[^a-z0-9]+', ' ', 'g'))
                FROM (SELECT DISTINCT codigo_producto, producto, nombre_generico FROM cot_quotes
                      WHERE import_run_id = :run AND codigo_producto IS NOT NULL) AS q
                CROSS JOIN LATERAL (VALUES (producto), (nombre_generico)) AS t (texto)
                WHERE texto IS NOT NULL
                ON CONFLICT DO NOTHING
                """;
    }
}
