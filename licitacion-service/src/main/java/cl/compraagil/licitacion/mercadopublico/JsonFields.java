package cl.compraagil.licitacion.mercadopublico;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/** Defensive readers: the APIs mix numbers and strings, 0/1 and booleans, padded text and lone spaces. */
final class JsonFields {

    private JsonFields() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }

    static Long integer(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        return value == null ? null : value.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    static Integer smallInt(JsonNode node, String field) {
        Long value = integer(node, field);
        return value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? null : value.intValue();
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        String text = value.asString().strip().replace(',', '.');
        try {
            return text.isEmpty() ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Flags come as 0/1, "0"/"1", true/false or "Sí"/"No"; documented codes like "2=Sí" are not trusted. */
    static boolean flag(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.intValue() == 1;
        }
        String text = value.asString().strip().toLowerCase(java.util.Locale.ROOT);
        return text.equals("1") || text.equals("true") || text.equals("si") || text.equals("sí") || text.equals("s");
    }

    static JsonNode object(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value;
    }
}
