package cl.compraagil.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders of event payloads and requests as the other services and clients send them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Map<String, Object> registered(long userId) {
        return Map.of("user_id", userId, "email", "ana" + userId + "@pyme.cl", "full_name", "Ana Pérez",
                "company_name", "Pyme SpA", "registered_at", "2026-11-26T05:00:00Z");
    }

    /** subscription.changed for a plan; {@code alertRules} null means unlimited. */
    public static Map<String, Object> subscription(long userId, String plan, Integer alertRules, boolean webhooks) {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("ai_analysis", 5);
        limits.put("searches", 200);
        limits.put("alert_rules", alertRules);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", userId);
        data.put("plan", plan);
        data.put("status", "active");
        data.put("limits", limits);
        data.put("features", Map.of("web_dashboard", webhooks, "api_keys", webhooks, "customer_webhooks", webhooks,
                "competitor_analysis", false));
        data.put("current_period_end", "2026-12-26T00:00:00Z");
        data.put("changed_at", java.time.Instant.now().toString());
        return data;
    }

    /** A licitacion.new payload shaped like the recorded Compra Ágil fixture 2048-540-COT26. */
    public static Map<String, Object> licitacionNew(String codigo, String nombre, long monto) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("codigo", codigo);
        data.put("tipo", "compra_agil");
        data.put("nombre", nombre);
        data.put("descripcion", "Se requiere cotizar según especificaciones técnicas adjuntas.");
        data.put("organismo", "I MUNICIPALIDAD DE MAIPU");
        data.put("rut_organismo", "69.070.900-7");
        data.put("region", "Región Metropolitana de Santiago");
        data.put("monto_estimado", monto);
        data.put("moneda", "CLP");
        data.put("fecha_publicacion", "2026-11-26T09:00:00Z");
        data.put("fecha_cierre", "2026-11-28T15:00:00Z");
        data.put("estado", "publicada");
        data.put("previous_estado", null);
        data.put("unspsc_codes", List.of("43211503"));
        data.put("productos", List.of("Notebook 14 pulgadas"));
        data.put("url", "https://buscador.mercadopublico.cl/ficha?code=" + codigo);
        return data;
    }

    public static String rule(String name, String keyword, String channels) {
        return """
                {"name": "%s", "keywords": ["%s"], "excluded_keywords": ["arriendo"], "channels": [%s],
                 "quiet_hours_enabled": false}
                """.formatted(name, keyword, channels);
    }
}
