package cl.compraagil.events;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every event on Kafka: {@code {id, type, occurred_at, version, data}}. Consumers deduplicate on {@code id};
 * {@code type} is dot-delimited and is also the topic name.
 */
public record EventEnvelope(UUID id, String type, Instant occurredAt, int version, JsonNode data) {

    public static EventEnvelope parse(ObjectMapper mapper, String json) {
        JsonNode root = mapper.readTree(json);
        return new EventEnvelope(
                UUID.fromString(required(root, "id").asString()),
                required(root, "type").asString(),
                Instant.parse(required(root, "occurred_at").asString()),
                root.path("version").asInt(1),
                root.path("data"));
    }

    public String toJson(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("id", id.toString());
        root.put("type", type);
        root.put("occurred_at", occurredAt.toString());
        root.put("version", version);
        root.set("data", data);
        return mapper.writeValueAsString(root);
    }

    private static JsonNode required(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("Event envelope without " + field);
        }
        return value;
    }
}
