package cl.compraagil.licitacion.catalog;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The quotations column is JSON in snake_case, the same shape the API returns. */
public final class QuotesJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private QuotesJson() {
    }

    static String write(List<Quote> quotes) {
        return MAPPER.writeValueAsString(quotes);
    }

    public static List<Quote> read(String json) {
        return json == null || json.isBlank() ? List.of() : MAPPER.readValue(json, new TypeReference<List<Quote>>() { });
    }
}
