package cl.compraagil.ml.winmodel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/** A model version as {@code GET /api/v1/ml/models} shows it. */
record ModelVersionView(String name, String version, LocalDate trainFrom, LocalDate trainTo, LocalDate testFrom,
        LocalDate testTo, int trainSize, int testSize, JsonNode metrics, boolean active, OffsetDateTime createdAt) {
}
