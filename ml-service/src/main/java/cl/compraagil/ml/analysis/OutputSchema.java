package cl.compraagil.ml.analysis;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a model's answer before anyone sees it: required fields with the right JSON types, lists and texts
 * trimmed to sane sizes, a fit score clamped to 0–100. An answer that fails is rejected, not repaired.
 */
final class OutputSchema {

    private static final int MAX_ITEMS = 12;
    private static final int MAX_TEXT = 6000;

    private OutputSchema() {
    }

    static ObjectNode validate(AnalysisTask task, JsonNode answer) {
        if (!(answer instanceof ObjectNode object)) {
            throw new InvalidOutput("la respuesta no es un objeto JSON");
        }
        for (Map.Entry<String, String> field : task.requiredFields().entrySet()) {
            JsonNode value = object.get(field.getKey());
            boolean ok = value != null && switch (field.getValue()) {
                case "string" -> value.isString() && !value.asString().isBlank();
                case "array" -> value.isArray();
                case "object" -> value.isObject();
                case "number" -> value.isNumber();
                default -> false;
            };
            if (!ok) {
                throw new InvalidOutput("falta o es inválido el campo " + field.getKey());
            }
            if (value instanceof ArrayNode array) {
                while (array.size() > MAX_ITEMS) {
                    array.remove(array.size() - 1);
                }
            }
            if (value.isString() && value.asString().length() > MAX_TEXT) {
                object.put(field.getKey(), value.asString().substring(0, MAX_TEXT));
            }
        }
        JsonNode fit = object.path("ajuste_con_perfil");
        if (fit instanceof ObjectNode fitObject) {
            double score = fitObject.path("puntaje").asDouble(0);
            fitObject.put("puntaje", (int) Math.max(0, Math.min(100, Math.round(score))));
        }
        if (task == AnalysisTask.COMPARISON && !object.path("recomendacion").asString().matches("A|B")) {
            throw new InvalidOutput("la recomendación debe ser A o B");
        }
        return object;
    }

    /** The model's answer did not match the schema. */
    static final class InvalidOutput extends RuntimeException {
        InvalidOutput(String reason) {
            super(reason, null, false, false);
        }
    }
}
