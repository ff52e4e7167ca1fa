package cl.compraagil.gateway.problem;

import cl.compraagil.gateway.correlation.CorrelationId;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the suite's RFC 9457 problem shape ({@code type, title, status, detail, error}, plus extra members)
 * straight to a reactive response, for filters that answer before any handler runs.
 */
public final class ProblemResponses {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String error, String detail) {
        return write(exchange, status, error, detail, Map.of());
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String error, String detail,
            Map<String, Object> members) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        byte[] body = JSON.writeValueAsBytes(body(status, error, detail, members, CorrelationId.of(exchange)));
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    /** The problem members, for handlers that answer through a {@code ServerResponse}. */
    public static Map<String, Object> body(ServerWebExchange exchange, HttpStatus status, String error, String detail) {
        return body(status, error, detail, Map.of(), CorrelationId.of(exchange));
    }

    static Map<String, Object> body(HttpStatus status, String error, String detail, Map<String, Object> members,
            String correlationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://compraagil.cl/problems/" + error.replace('_', '-'));
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("error", error);
        body.putAll(members);
        if (correlationId != null) {
            body.put("correlation_id", correlationId);
        }
        return body;
    }

    /** For tests and logs: the body as text. */
    public static String json(HttpStatus status, String error, String detail) {
        return new String(JSON.writeValueAsBytes(body(status, error, detail, Map.of(), null)), StandardCharsets.UTF_8);
    }
}
