package cl.compraagil.gateway.quota;

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

    // one builder per header, appended to in place: joined pieces cost a string each on every counted request
    private final StringBuilder policies = new StringBuilder(128);
    private final StringBuilder states = new StringBuilder(128);

    RateLimitHeaders limit(String name, long quota, long windowSeconds, long remaining, long resetSeconds) {
        if (!policies.isEmpty()) {
            policies.append(", ");
            states.append(", ");
        }
        policies.append('"').append(name).append("\";q=").append(quota).append(";w=").append(windowSeconds);
        states.append('"').append(name).append("\";r=").append(Math.max(0, remaining)).append(";t=")
                .append(Math.max(0, resetSeconds));
        return this;
    }

    void writeTo(HttpHeaders headers) {
        if (!policies.isEmpty()) {
            headers.set(POLICY, policies.toString());
            headers.set(STATE, states.toString());
        }
    }
}
