package cl.compraagil.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure a client must see as RFC 9457 problem+json: HTTP status, a stable {@code error} code for programs
 * and a Spanish {@code detail} for people. Extra members (limits, plan names) go in {@link #properties()}.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String error;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final HttpHeaders headers = new HttpHeaders();

    public ApiProblem(HttpStatus status, String error, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not_found", what + " no existe o no tienes acceso.");
    }

    public static ApiProblem badRequest(String error, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, error, detail);
    }

    public static ApiProblem conflict(String error, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, error, detail);
    }

    public static ApiProblem forbidden(String error, String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, error, detail);
    }

    public static ApiProblem unavailable(String error, String detail) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, error, detail);
    }

    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public ApiProblem withHeader(String name, String value) {
        headers.set(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public HttpHeaders headers() {
        return headers;
    }
}
