package cl.compraagil.notification.events;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Lenient readers for event payload fields: producers may add fields, and absent ones read as null. */
public final class EventData {

    private EventData() {
    }

    public static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    public static Long number(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asLong();
        }
        try {
            return Long.valueOf(value.asString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static long userId(JsonNode data) {
        Long id = number(data, "user_id");
        if (id == null) {
            throw new IllegalArgumentException("event without user_id");
        }
        return id;
    }

    public static List<String> texts(JsonNode data, String field) {
        JsonNode value = data.get(field);
        List<String> values = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(item -> {
                if (!item.isNull()) {
                    values.add(item.asString());
                }
            });
        }
        return values;
    }
}
