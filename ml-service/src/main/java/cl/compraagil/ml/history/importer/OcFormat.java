package cl.compraagil.ml.history.importer;

import static cl.compraagil.ml.history.importer.CotFormat.required;
import static cl.compraagil.ml.history.importer.LicFormat.whole;
import static cl.compraagil.ml.history.parse.FieldValues.date;
import static cl.compraagil.ml.history.parse.FieldValues.decimal;
import static cl.compraagil.ml.history.parse.FieldValues.flag;
import static cl.compraagil.ml.history.parse.FieldValues.integer;
import static cl.compraagil.ml.history.parse.FieldValues.rut;
import static cl.compraagil.ml.history.parse.FieldValues.text;
import static cl.compraagil.ml.history.parse.HeaderIndex.value;

import cl.compraagil.ml.history.parse.FieldValues.RejectedValue;
import cl.compraagil.ml.history.parse.HeaderIndex;
import cl.compraagil.ml.history.parse.OpenDataCsvReader.CsvRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/** Purchase orders ({@code oc-da}): one record per order line; {@code precioNeto} is in {@code monedaItem}. */
final class OcFormat implements DatasetFormat {

    private static final List<String> COLUMNS = List.of("codigo", "nombre", "estado", "es_compra_agil",
            "es_trato_directo", "codigo_licitacion", "fecha_envio", "organismo", "region_unidad", "rut_proveedor",
            "proveedor", "codigo_producto", "nombre_generico", "producto", "cantidad", "moneda_item",
            "precio_neto_original", "unit_price", "total_linea");

    private final CurrencyRates rates;
    private int codigo, nombre, estado, compraAgil, tratoDirecto, licitacion, envio, organismo, region, rutProveedor,
            proveedor, producto, generico, especificacion, cantidad, moneda, precio, totalLinea;

    OcFormat(CurrencyRates rates) {
        this.rates = rates;
    }

    @Override
    public String table() {
        return "purchase_orders";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public void start(HeaderIndex h) {
        codigo = required(h, "Codigo");
        precio = required(h, "precioNeto");
        nombre = h.find("Nombre");
        estado = h.find("Estado");
        compraAgil = h.find("EsCompraAgil");
        tratoDirecto = h.find("EsTratoDirecto");
        licitacion = h.find("CodigoLicitacion");
        envio = h.find("FechaEnvio", "FechaCreacion");
        organismo = h.find("OrganismoPublico");
        region = h.find("RegionUnidadCompra");
        rutProveedor = h.find("RutSucursal", "RutProveedor");
        proveedor = h.find("NombreProveedor");
        producto = h.find("codigoProductoONU");
        generico = h.find("NombreroductoGenerico", "NombreProductoGenerico");
        especificacion = h.find("EspecificacionComprador");
        cantidad = h.find("cantidad");
        moneda = h.find("monedaItem", "TipoMonedaOC");
        totalLinea = h.find("totalLineaNeto");
    }

    @Override
    public void accept(CsvRecord record, RowOutput out) throws IOException {
        List<String> f = record.fields();
        String code = text(value(f, codigo));
        if (code == null) {
            out.reject(record.lineNo(), "sin Codigo de orden de compra");
            return;
        }
        try {
            String currency = text(value(f, moneda));
            BigDecimal original = decimal(value(f, precio));
            BigDecimal unit = rates.toClp(original, currency);
            if (original != null && unit == null) {
                out.excludedCurrency();
            }
            out.row(record.lineNo(), code, text(value(f, nombre)), text(value(f, estado)), flag(value(f, compraAgil)),
                    flag(value(f, tratoDirecto)), text(value(f, licitacion)), date(value(f, envio)),
                    text(value(f, organismo)), text(value(f, region)), rut(value(f, rutProveedor)),
                    text(value(f, proveedor)), integer(value(f, producto)), text(value(f, generico)),
                    text(value(f, especificacion)), decimal(value(f, cantidad)), currency, original, unit,
                    whole(rates.toClp(decimal(value(f, totalLinea)), currency)));
        } catch (RejectedValue | ArithmeticException e) {
            out.reject(record.lineNo(), e.getMessage());
        }
    }

    @Override
    public void finish(RowOutput out) {
        // nothing buffered
    }

    @Override
    public String catalogSql() {
        return """
                INSERT INTO product_catalog (codigo_producto, texto)
                SELECT DISTINCT codigo_producto, btrim(regexp_replace(lower(unaccent(nombre_generico)), '[^a-z0-9]+', ' ', 'g'))
                FROM purchase_orders WHERE import_run_id = :run AND codigo_producto IS NOT NULL AND nombre_generico IS NOT NULL
                ON CONFLICT DO NOTHING
                """;
    }
}
