package cl.compraagil.licitacion.mercadopublico;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Recorded Mercado Público responses: the real ones the service ships, and the error bodies kept for tests. */
public final class Fixtures {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Fixtures() {
    }

    /** A file under {@code fixtures/mercadopublico/} (shipped) or {@code mercadopublico/} (test only). */
    public static String text(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/fixtures/mercadopublico/" + name);
        if (in == null) {
            in = Fixtures.class.getResourceAsStream("/mercadopublico/" + name);
        }
        if (in == null) {
            throw new IllegalArgumentException("No fixture " + name);
        }
        try (InputStream body = in) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String name) {
        return MAPPER.readTree(text(name));
    }

    /** The CA list items wrapped in the API's own envelope, which the recording did not keep. */
    public static String compraAgilListEnvelope(int page, int totalPages) {
        JsonNode items = json("ca-v2-list-items.json").get("items");
        return "{\"success\":\"OK\",\"trace\":null,\"payload\":{\"items\":" + items + ",\"paginacion\":{\"total_paginas\":"
                + totalPages + ",\"numero_pagina\":" + page + ",\"tamano_pagina\":50,\"total_resultados\":"
                + items.size() * totalPages + "}},\"errors\":[]}";
    }

    /** A recorded CA detail payload wrapped in the API's envelope. */
    public static String compraAgilDetailEnvelope(String name) {
        return "{\"success\":\"OK\",\"trace\":null,\"payload\":" + text(name) + ",\"errors\":[]}";
    }
}
