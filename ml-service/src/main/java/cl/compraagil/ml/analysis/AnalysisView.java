package cl.compraagil.ml.analysis;

import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/** An analysis as the API returns it: its id (for feedback), engine, whether it came from the cache, and the JSON. */
record AnalysisView(long id, String kind, String codigo, String engine, String promptVersion, boolean cached,
        OffsetDateTime createdAt, JsonNode result) {
}
