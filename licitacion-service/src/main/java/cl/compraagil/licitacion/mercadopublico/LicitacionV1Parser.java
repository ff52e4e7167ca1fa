package cl.compraagil.licitacion.mercadopublico;

import static cl.compraagil.licitacion.mercadopublico.JsonFields.decimal;
import static cl.compraagil.licitacion.mercadopublico.JsonFields.integer;
import static cl.compraagil.licitacion.mercadopublico.JsonFields.object;
import static cl.compraagil.licitacion.mercadopublico.JsonFields.smallInt;
import static cl.compraagil.licitacion.mercadopublico.JsonFields.text;

import cl.compraagil.licitacion.catalog.Opportunity;
import cl.compraagil.licitacion.catalog.OpportunityItem;
import cl.compraagil.licitacion.catalog.OpportunityType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the classic API v1 {@code licitaciones.json}. Lists carry only codigo, name, state and closing date
 * ({@code Tipo} is absent, so it is read from the codigo's suffix); the detail carries everything else.
 */
public final class LicitacionV1Parser {

    public static final String FICHA_URL =
            "https://www.mercadopublico.cl/Procurement/Modules/RFB/DetailsAcquisition.aspx?idlicitacion=";
    private static final Pattern TIPO_IN_CODIGO = Pattern.compile("-([A-Z][A-Z0-9])\\d{2}$");
    private static final Map<Integer, String> ESTADOS = Map.of(5, "publicada", 6, "cerrada", 7, "desierta",
            8, "adjudicada", 18, "revocada", 19, "suspendida");

    private LicitacionV1Parser() {
    }

    /** The {@code Listado} of a response; a body with {@code Codigo}/{@code Mensaje} and no list is an error. */
    public static List<JsonNode> listado(JsonNode root) {
        JsonNode listado = root.get("Listado");
        if (listado == null || !listado.isArray()) {
            throw MercadoPublicoException.fromV1Body(root);
        }
        List<JsonNode> result = new ArrayList<>();
        listado.forEach(result::add);
        return result;
    }

    public static Opportunity listItem(JsonNode item) {
        return opportunity(item, false);
    }

    public static Opportunity detail(JsonNode item) {
        return opportunity(item, true);
    }

    static String tipoFromCodigo(String codigo) {
        Matcher matcher = TIPO_IN_CODIGO.matcher(codigo);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static Opportunity opportunity(JsonNode node, boolean detailed) {
        String codigo = CompraAgilParser.required(text(node, "CodigoExterno"), "CodigoExterno");
        JsonNode comprador = object(node, "Comprador");
        JsonNode fechas = object(node, "Fechas");
        String moneda = text(node, "Moneda");
        BigDecimal monto = decimal(node, "MontoEstimado");
        Long clp = monto != null && (moneda == null || "CLP".equalsIgnoreCase(moneda))
                ? monto.setScale(0, java.math.RoundingMode.HALF_UP).longValue() : null;
        String region = text(comprador, "RegionUnidad");
        String cierre = text(fechas, "FechaCierre");
        String tipo = text(node, "Tipo");
        return new Opportunity(
                codigo,
                OpportunityType.LICITACION,
                tipo != null ? tipo : tipoFromCodigo(codigo),
                CompraAgilParser.required(text(node, "Nombre"), "Nombre"),
                detailed ? text(node, "Descripcion") : null,
                text(comprador, "NombreOrganismo"),
                text(comprador, "RutUnidad"),
                text(comprador, "NombreUnidad"),
                region,
                Regions.code(region),
                text(comprador, "ComunaUnidad"),
                clp,
                moneda == null ? null : moneda.toUpperCase(Locale.ROOT),
                monto,
                ChileTime.parse(text(fechas, "FechaPublicacion")),
                ChileTime.parse(cierre != null ? cierre : text(node, "FechaCierre")),
                null,
                estado(node),
                null,
                smallInt(object(node, "Adjudicacion"), "NumeroOferentes"),
                null,
                detailed ? items(node.path("Items").path("Listado")) : List.of(),
                List.of(),
                FICHA_URL + codigo,
                detailed,
                "licitaciones_v1",
                node.toString());
    }

    private static String estado(JsonNode node) {
        Integer code = smallInt(node, "CodigoEstado");
        if (code != null && ESTADOS.containsKey(code)) {
            return ESTADOS.get(code);
        }
        String text = text(node, "Estado");
        return text == null ? "desconocido" : text.toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    private static List<OpportunityItem> items(JsonNode listado) {
        List<OpportunityItem> items = new ArrayList<>();
        int fallback = 1;
        for (JsonNode line : listado) {
            Integer correlativo = smallInt(line, "Correlativo");
            Long codigoProducto = integer(line, "CodigoProducto");
            items.add(new OpportunityItem(correlativo != null ? correlativo : fallback, codigoProducto == null
                    ? null : codigoProducto.toString(), text(line, "NombreProducto"), text(line, "Descripcion"),
                    decimal(line, "Cantidad"), text(line, "UnidadMedida")));
            fallback++;
        }
        return items;
    }
}
