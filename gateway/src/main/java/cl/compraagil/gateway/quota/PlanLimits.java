package cl.compraagil.gateway.quota;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A user's plan as the gateway needs it: the plan name and the daily limit of each resource (null means
 * unlimited), read from a {@code subscription.changed} event or from the entitlements API, which share
 * one shape.
 */
record PlanLimits(long userId, String plan, Map<String, Long> limits, Instant changedAt) {

    static PlanLimits from(JsonNode data) {
        Map<String, Long> limits = new LinkedHashMap<>();
        JsonNode values = data.path("limits");
        for (Map.Entry<String, JsonNode> limit : values.properties()) {
            limits.put(limit.getKey(), limit.getValue().isNull() ? null : limit.getValue().asLong());
        }
        JsonNode changed = data.path("changed_at");
        return new PlanLimits(data.path("user_id").asLong(), data.path("plan").asString("free"), limits,
                changed.isString() ? Instant.parse(changed.asString()) : Instant.EPOCH);
    }
}
