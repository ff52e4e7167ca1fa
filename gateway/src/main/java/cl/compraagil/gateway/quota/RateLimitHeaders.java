package cl.compraagil.gateway.quota;

import java.util.StringJoiner;
import org.springframework.http.HttpHeaders;

/**
 * The IETF RateLimit draft's structured fields: {@code RateLimit-Policy: "burst";q=120;w=60,
 * "ai_analysis";q=2;w=86400} and {@code RateLimit: "burst";r=119;t=1, "ai_analysis";r=1;t=36000}
 * (remaining and seconds until reset), one item per limit that applied to the request.
 */
final class RateLimitHeaders {

    static final String POLICY = "RateLimit-Policy";
    static final String STATE = "RateLimit";
    static final long DAY_SECONDS = 86_400;

    private final StringJoiner policies = new StringJoiner(", ");
    private final StringJoiner states = new StringJoiner(", ");

    RateLimitHeaders limit(String name, long quota, long windowSeconds, long remaining, long resetSeconds) {
        policies.add("\"" + name + "\";q=" + quota + ";w=" + windowSeconds);
        states.add("\"" + name + "\";r=" + Math.max(0, remaining) + ";t=" + Math.max(0, resetSeconds));
        return this;
    }

    void writeTo(HttpHeaders headers) {
        if (policies.length() > 0) {
            headers.set(POLICY, policies.toString());
            headers.set(STATE, states.toString());
        }
    }
}
