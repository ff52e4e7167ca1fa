package cl.compraagil.licitacion.mercadopublico;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** A failed call to Mercado Público, classified so callers know whether waiting and retrying can help. */
public class MercadoPublicoException extends RuntimeException {

    public enum Reason {
        /** 5xx, 504 gateway cut, time-out, or an HTML error page with status 200: retry with backoff. */
        UNAVAILABLE(true),
        /** 429 or error 10500 (simultaneous requests): retry after the advised or configured pause. */
        RATE_LIMITED(true),
        /** The ticket's daily quota (or our own daily budget) is spent: stop until the next Chile day. */
        QUOTA_EXHAUSTED(false),
        /** 401/403 or error 203 "Ticket no válido". */
        INVALID_TICKET(false),
        NOT_FOUND(false),
        /** 400: the request itself is wrong; retrying changes nothing. */
        BAD_REQUEST(false),
        MALFORMED_RESPONSE(false),
        /** The circuit breaker is open after repeated failures. */
        CIRCUIT_OPEN(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Reason reason;
    private final Duration retryAfter;

    public MercadoPublicoException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    public MercadoPublicoException(Reason reason, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    public boolean retryable() {
        return reason.retryable;
    }

    /** The pause the API asked for (Retry-After), or null to use the configured backoff. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Classifies a v1 body of the form {@code {"Codigo": 10500, "Mensaje": "..."}}, whatever its HTTP status. */
    static MercadoPublicoException fromV1Body(JsonNode body) {
        Integer code = JsonFields.smallInt(body, "Codigo");
        String message = String.valueOf(JsonFields.text(body, "Mensaje"));
        if (code == null) {
            return new MercadoPublicoException(Reason.MALFORMED_RESPONSE, "Response without Listado");
        }
        if (code == 10500) {
            return new MercadoPublicoException(Reason.RATE_LIMITED, "10500 " + message);
        }
        if (code == 203 && message.toLowerCase(java.util.Locale.ROOT).contains("cuota")) {
            return new MercadoPublicoException(Reason.QUOTA_EXHAUSTED, "203 " + message);
        }
        if (code == 203) {
            return new MercadoPublicoException(Reason.INVALID_TICKET, "203 " + message);
        }
        return new MercadoPublicoException(Reason.UNAVAILABLE, code + " " + message);
    }
}
