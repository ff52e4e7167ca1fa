package cl.compraagil.licitacion.mercadopublico;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** GETs JSON from Mercado Público with time-outs and turns every failure shape into a classified exception. */
@Component
class MercadoPublicoHttp {

    private final HttpClient client;
    private final ObjectMapper mapper;
    private final Duration readTimeout;

    MercadoPublicoHttp(MercadoPublicoProperties properties, ObjectMapper mapper) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.mapper = mapper;
        this.readTimeout = properties.readTimeout();
    }

    JsonNode get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(readTimeout).GET()
                .header("Accept", "application/json");
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MercadoPublicoException(MercadoPublicoException.Reason.UNAVAILABLE,
                    "No response from " + uri.getHost() + ": " + e.getClass().getSimpleName(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MercadoPublicoException(MercadoPublicoException.Reason.UNAVAILABLE, "Interrupted");
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (body != null && body.has("Codigo") && !body.has("Listado")) {
            throw MercadoPublicoException.fromV1Body(body);
        }
        if (status == 429) {
            throw new MercadoPublicoException(MercadoPublicoException.Reason.RATE_LIMITED, "429 from " + uri.getHost(),
                    retryAfter(response), null);
        }
        if (status >= 500) {
            throw new MercadoPublicoException(MercadoPublicoException.Reason.UNAVAILABLE,
                    status + " from " + uri.getHost() + errors(body));
        }
        if (status == 401 || status == 403) {
            throw new MercadoPublicoException(MercadoPublicoException.Reason.INVALID_TICKET,
                    status + " from " + uri.getHost() + errors(body));
        }
        if (status == 404) {
            throw new MercadoPublicoException(MercadoPublicoException.Reason.NOT_FOUND, "404 for " + uri.getPath());
        }
        if (status >= 400) {
            throw new MercadoPublicoException(MercadoPublicoException.Reason.BAD_REQUEST,
                    status + " from " + uri.getHost() + errors(body));
        }
        if (body == null) {
            // An HTML error page with status 200 happens; it is a transient failure, not data.
            throw new MercadoPublicoException(MercadoPublicoException.Reason.UNAVAILABLE,
                    "Non-JSON body with status " + status + " from " + uri.getHost());
        }
        return body;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isContainer() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    private static String errors(JsonNode body) {
        return body == null || !body.has("errors") ? "" : " " + body.get("errors");
    }
}
