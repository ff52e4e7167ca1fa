package cl.compraagil.licitacion.mercadopublico;

import static cl.compraagil.licitacion.mercadopublico.JsonFields.decimal;
import static cl.compraagil.licitacion.mercadopublico.JsonFields.flag;
import static cl.compraagil.licitacion.mercadopublico.JsonFields.integer;
import static cl.compraagil.licitacion.mercadopublico.JsonFields.object;
import static cl.compraagil.licitacion.mercadopublico.JsonFields.smallInt;
import static cl.compraagil.licitacion.mercadopublico.JsonFields.text;

import cl.compraagil.licitacion.catalog.Opportunity;
import cl.compraagil.licitacion.catalog.OpportunityItem;
import cl.compraagil.licitacion.catalog.OpportunityType;
import cl.compraagil.licitacion.catalog.Quote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads Compra Ágil API v2 items and details. The list has no description nor products; the detail has both.
 * Unknown fields are ignored, flags read as 0/1 or booleans, and dates as Chile wall-clock even with a Z.
 */
public final class CompraAgilParser {

    public static final String FICHA_URL = "https://buscador.mercadopublico.cl/ficha?code=";

    private CompraAgilParser() {
    }

    /** The items of a list response, with or without the {@code {success, payload}} envelope. */
    public static List<JsonNode> listItems(JsonNode root) {
        JsonNode payload = payload(root);
        JsonNode items = payload.isArray() ? payload : payload.path("items");
        if (!items.isArray()) {
            items = payload.path("resultados");
        }
        List<JsonNode> result = new ArrayList<>();
        items.forEach(result::add);
        return result;
    }

    /** The {@code payload} of an enveloped response, or the root itself when it has no envelope. */
    public static JsonNode payload(JsonNode root) {
        JsonNode payload = root.get("payload");
        return payload != null && !payload.isNull() && root.has("success") ? payload : root;
    }

    public static Opportunity listItem(JsonNode item) {
        return opportunity(item, false);
    }

    public static Opportunity detail(JsonNode root) {
        return opportunity(payload(root), true);
    }

    private static Opportunity opportunity(JsonNode node, boolean detailed) {
        String codigo = required(text(node, "codigo"), "codigo");
        JsonNode fechas = object(node, "fechas");
        JsonNode institucion = object(node, "institucion");
        JsonNode montos = object(node, "montos");
        JsonNode presupuesto = object(node, "presupuesto");
        String moneda = firstText(montos, presupuesto, "moneda");
        BigDecimal original = firstDecimal(montos, presupuesto, "monto_disponible");
        if (original == null) {
            original = decimal(presupuesto, "presupuesto_estimado");
        }
        Long clp = firstInteger(montos, presupuesto, "monto_disponible_clp");
        if (clp == null && original != null && (moneda == null || "CLP".equalsIgnoreCase(moneda))) {
            clp = original.setScale(0, java.math.RoundingMode.HALF_UP).longValue();
        }
        String regionName = text(institucion, "nombre_region");
        Integer regionCode = smallInt(institucion, "region");
        if (regionCode == null) {
            regionCode = Regions.code(regionName);
        }
        return new Opportunity(
                codigo,
                OpportunityType.COMPRA_AGIL,
                "COT",
                required(text(node, "nombre"), "nombre"),
                detailed ? text(node, "descripcion") : null,
                text(institucion, "organismo_comprador"),
                text(institucion, "rut"),
                text(institucion, "unidad_compra"),
                regionName != null ? regionName : Regions.name(regionCode),
                regionCode,
                null,
                clp,
                moneda == null ? null : moneda.toUpperCase(Locale.ROOT),
                original,
                ChileTime.parse(text(fechas, "fecha_publicacion")),
                closing(node, fechas),
                ChileTime.parse(text(fechas, "fecha_ultimo_cambio")),
                estado(node),
                smallInt(object(node, "convocatoria"), "estado_convocatoria"),
                smallInt(object(node, "resumen"), "total_ofertas_recibidas"),
                smallInt(object(node, "entrega"), "plazo_entrega_dias"),
                detailed ? items(node.path("productos_solicitados")) : List.of(),
                detailed ? quotes(node.path("proveedores_cotizando")) : List.of(),
                FICHA_URL + codigo,
                detailed,
                "compra_agil_v2",
                node.toString());
    }

    /**
     * The closing of the current call. A second call ({@code estado_convocatoria} 2) closes at
     * {@code fecha_cierre_segundo_llamado}, found under {@code fechas} in lists and under {@code convocatoria} in
     * details; the field is filled in ahead of time during the first call, so it counts only once the call is 2.
     */
    private static Instant closing(JsonNode node, JsonNode fechas) {
        JsonNode convocatoria = object(node, "convocatoria");
        Instant first = ChileTime.parse(text(fechas, "fecha_cierre"));
        Integer call = smallInt(convocatoria, "estado_convocatoria");
        if (call == null || call < 2) {
            return first;
        }
        Instant second = ChileTime.parse(firstText(convocatoria, fechas, "fecha_cierre_segundo_llamado"));
        return second != null ? second : first;
    }

    private static String estado(JsonNode node) {
        JsonNode estado = node.get("estado");
        String code = estado == null ? null : estado.isObject() ? text(estado, "codigo") : text(node, "estado");
        if (code == null && estado != null && estado.isObject()) {
            code = text(estado, "glosa");
        }
        return code == null ? "desconocido" : code.toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    private static List<OpportunityItem> items(JsonNode products) {
        List<OpportunityItem> items = new ArrayList<>();
        int correlativo = 1;
        for (JsonNode product : products) {
            items.add(new OpportunityItem(correlativo++, text(product, "codigo_producto"), text(product, "nombre"),
                    text(product, "descripcion"), decimal(product, "cantidad"), text(product, "unidad_medida")));
        }
        return items;
    }

    private static List<Quote> quotes(JsonNode suppliers) {
        List<Quote> quotes = new ArrayList<>();
        for (JsonNode supplier : suppliers) {
            quotes.add(new Quote(text(supplier, "rut_proveedor"), text(supplier, "razon_social"),
                    integer(supplier, "valor_neto"), integer(supplier, "monto_total"), flag(supplier, "es_emt"),
                    flag(supplier, "proveedor_seleccionado")));
        }
        return quotes;
    }

    private static String firstText(JsonNode a, JsonNode b, String field) {
        String value = text(a, field);
        return value != null ? value : text(b, field);
    }

    private static BigDecimal firstDecimal(JsonNode a, JsonNode b, String field) {
        BigDecimal value = decimal(a, field);
        return value != null ? value : decimal(b, field);
    }

    private static Long firstInteger(JsonNode a, JsonNode b, String field) {
        Long value = integer(a, field);
        return value != null ? value : integer(b, field);
    }

    static String required(String value, String field) {
        if (value == null) {
            throw new MercadoPublicoException(MercadoPublicoException.Reason.MALFORMED_RESPONSE,
                    "Response item without " + field);
        }
        return value;
    }
}
