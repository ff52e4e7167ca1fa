package cl.compraagil.ml.history.importer;

import static cl.compraagil.ml.history.importer.CotFormat.required;
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
import java.math.RoundingMode;
import java.util.List;

/** Licitaciones with every offer ({@code lic-da}): one record per licitación × item × offer, losers included. */
final class LicFormat implements DatasetFormat {

    private static final List<String> COLUMNS = List.of("codigo_externo", "nombre", "descripcion", "tipo", "estado",
            "codigo_organismo", "organismo", "sector", "region", "moneda", "monto_estimado", "numero_oferentes",
            "fecha_publicacion", "fecha_cierre", "fecha_adjudicacion", "codigo_item", "codigo_producto", "rubro1",
            "nombre_generico", "unidad_medida", "cantidad", "rut_proveedor", "proveedor", "estado_oferta",
            "cantidad_ofertada", "moneda_oferta", "unit_price", "total_ofertado", "cantidad_adjudicada",
            "monto_adjudicado", "seleccionada");

    private final CurrencyRates rates;
    private int codigo, nombre, descripcion, tipo, estado, codigoOrganismo, organismo, sector, region, moneda,
            montoEstimado, oferentes, publicacion, cierre, adjudicacion, item, producto, rubro, generico, unidad,
            cantidad, rutProveedor, proveedor, estadoOferta, cantidadOfertada, monedaOferta, unitario, total,
            cantidadAdjudicada, montoAdjudicado, seleccionada;

    LicFormat(CurrencyRates rates) {
        this.rates = rates;
    }

    @Override
    public String table() {
        return "lic_offers";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public void start(HeaderIndex h) {
        codigo = required(h, "CodigoExterno");
        seleccionada = required(h, "Oferta seleccionada");
        unitario = required(h, "MontoUnitarioOferta");
        nombre = h.find("Nombre");
        descripcion = h.find("Descripcion");
        tipo = h.find("Tipo");
        estado = h.find("Estado");
        codigoOrganismo = h.find("CodigoOrganismo");
        organismo = h.find("NombreOrganismo");
        sector = h.find("sector");
        region = h.find("RegionUnidad");
        moneda = h.find("CodigoMoneda", "Moneda Adquisicion");
        montoEstimado = h.find("MontoEstimado");
        oferentes = h.find("NumeroOferentes");
        publicacion = h.find("FechaPublicacion");
        cierre = h.find("FechaCierre");
        adjudicacion = h.find("FechaAdjudicacion");
        item = h.find("Codigoitem");
        producto = h.find("CodigoProductoONU");
        rubro = h.find("Rubro1");
        generico = h.find("Nombre producto genrico", "Nombre producto generico", "NombreProductoGenerico");
        unidad = h.find("UnidadMedida");
        cantidad = h.find("Cantidad");
        rutProveedor = h.find("RutProveedor");
        proveedor = h.find("NombreProveedor", "RazonSocialProveedor");
        estadoOferta = h.find("Estado Oferta");
        cantidadOfertada = h.find("Cantidad Ofertada");
        monedaOferta = h.find("Moneda de la Oferta");
        total = h.find("Valor Total Ofertado");
        cantidadAdjudicada = h.find("CantidadAdjudicada");
        montoAdjudicado = h.find("MontoLineaAdjudica");
    }

    @Override
    public void accept(CsvRecord record, RowOutput out) throws IOException {
        List<String> f = record.fields();
        String code = text(value(f, codigo));
        if (code == null) {
            out.reject(record.lineNo(), "sin CodigoExterno");
            return;
        }
        try {
            String currency = text(value(f, monedaOferta));
            if (currency == null) {
                currency = text(value(f, moneda));
            }
            BigDecimal unit = rates.toClp(decimal(value(f, unitario)), currency);
            BigDecimal offered = rates.toClp(decimal(value(f, total)), currency);
            BigDecimal awarded = rates.toClp(decimal(value(f, montoAdjudicado)), currency);
            if (unit == null && decimal(value(f, unitario)) != null) {
                out.excludedCurrency();
            }
            out.row(record.lineNo(), code, text(value(f, nombre)), text(value(f, descripcion)), text(value(f, tipo)),
                    text(value(f, estado)), integer(value(f, codigoOrganismo)), text(value(f, organismo)),
                    text(value(f, sector)), text(value(f, region)), text(value(f, moneda)),
                    integer(value(f, montoEstimado)), integer(value(f, oferentes)), date(value(f, publicacion)),
                    date(value(f, cierre)), date(value(f, adjudicacion)), integer(value(f, item)),
                    integer(value(f, producto)), text(value(f, rubro)), text(value(f, generico)),
                    text(value(f, unidad)), decimal(value(f, cantidad)), rut(value(f, rutProveedor)),
                    text(value(f, proveedor)), text(value(f, estadoOferta)), decimal(value(f, cantidadOfertada)),
                    currency, unit, whole(offered), decimal(value(f, cantidadAdjudicada)), whole(awarded),
                    Boolean.TRUE.equals(flag(value(f, seleccionada))));
        } catch (RejectedValue | ArithmeticException e) {
            out.reject(record.lineNo(), e.getMessage());
        }
    }

    static Long whole(BigDecimal clp) {
        return clp == null ? null : clp.setScale(0, RoundingMode.HALF_UP).longValueExact();
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
                FROM lic_offers WHERE import_run_id = :run AND codigo_producto IS NOT NULL AND nombre_generico IS NOT NULL
                ON CONFLICT DO NOTHING
                """;
    }
}
