package cl.compraagil.ml.licitacion;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The licitación as licitacion-service returns it, reduced to what the analyses read. */
public record Licitacion(String codigo, String nombre, String descripcion, String organismo, String region,
        Long montoEstimado, String fechaCierre, String estado, List<String> productos, List<Integer> unspscCodes) {

    public static Licitacion from(JsonNode json) {
        List<String> products = new ArrayList<>();
        for (JsonNode product : json.path("productos")) {
            String name = product.isString() ? product.asString() : product.path("nombre").asString("");
            if (!name.isBlank()) {
                String quantity = product.path("cantidad").isMissingNode() ? "" : " (cantidad " + product.path("cantidad").asString() + ")";
                products.add(name.strip() + quantity);
            }
        }
        List<Integer> codes = new ArrayList<>();
        for (JsonNode code : json.path("unspsc_codes")) {
            try {
                codes.add(Integer.parseInt(code.asString().strip()));
            } catch (NumberFormatException ignored) {
                // a malformed code is skipped, the text still works
            }
        }
        JsonNode amount = json.path("monto_estimado");
        return new Licitacion(json.path("codigo").asString(""), text(json, "nombre"), text(json, "descripcion"),
                text(json, "organismo"), text(json, "region"), amount.isNumber() ? amount.asLong() : null,
                text(json, "fecha_cierre"), text(json, "estado"), products, codes);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString().strip();
    }

    /** Name, description and products: the text matched against history and handed to the model as data. */
    public String searchText() {
        return String.join(" ", nombre == null ? "" : nombre, String.join(" ", productos));
    }
}
