package cl.compraagil.gateway.correlation;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;

/** The {@code X-Correlation-Id} of a request: a well-formed incoming one is kept, anything else replaced. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlation_id";
    static final String ATTRIBUTE = CorrelationId.class.getName();
    // the same rule the services apply, so an id a client sends survives the whole path
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private CorrelationId() {
    }

    static String keepOrCreate(String incoming) {
        return incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : create();
    }

    /**
     * A random (version 4) UUID from the thread's own generator: an id only has to be unique enough to find a
     * request in the logs, and {@code UUID.randomUUID()} would take the shared SecureRandom's lock per request.
     */
    private static String create() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = random.nextLong() & ~0xF000L | 0x4000L;
        long least = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    /** The id given to this exchange, or null before the correlation filter ran. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
