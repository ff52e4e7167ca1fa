package cl.compraagil.notification.alert;

import cl.compraagil.notification.events.EventData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** An opportunity as licitacion-service announces it in {@code licitacion.*} events. */
record Licitacion(String codigo, String tipo, String nombre, String descripcion, String organismo, String rutOrganismo,
        String region, Long montoEstimado, String moneda, String fechaCierre, String estado, List<String> unspscCodes,
        List<String> productos, String url) {

    static Licitacion from(JsonNode data) {
        String codigo = EventData.text(data, "codigo");
        if (codigo == null || codigo.isBlank()) {
            throw new IllegalArgumentException("licitacion event without codigo");
        }
        return new Licitacion(codigo, EventData.text(data, "tipo"), EventData.text(data, "nombre"),
                EventData.text(data, "descripcion"), EventData.text(data, "organismo"), EventData.text(data, "rut_organismo"),
                EventData.text(data, "region"), EventData.number(data, "monto_estimado"), EventData.text(data, "moneda"),
                EventData.text(data, "fecha_cierre"), EventData.text(data, "estado"), EventData.texts(data, "unspsc_codes"),
                EventData.texts(data, "productos"), EventData.text(data, "url"));
    }

    /** The text alert keywords are searched in: name, description and requested products, not just the name. */
    String searchableText() {
        StringBuilder text = new StringBuilder();
        text.append(nombre == null ? "" : nombre).append(' ').append(descripcion == null ? "" : descripcion);
        productos.forEach(producto -> text.append(' ').append(producto));
        return text.toString();
    }

    /** The data a customer webhook or a message shows about the opportunity. */
    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("codigo", codigo);
        summary.put("tipo", tipo);
        summary.put("nombre", nombre);
        summary.put("organismo", organismo);
        summary.put("region", region);
        summary.put("monto_estimado", montoEstimado);
        summary.put("moneda", moneda);
        summary.put("fecha_cierre", fechaCierre);
        summary.put("estado", estado);
        summary.put("unspsc_codes", unspscCodes);
        summary.put("url", url);
        return summary;
    }
}
