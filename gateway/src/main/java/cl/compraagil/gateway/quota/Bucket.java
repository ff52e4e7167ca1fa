package cl.compraagil.gateway.quota;

/** A per-minute token bucket: whose it is (user, API key or client IP) and how many requests it holds. */
record Bucket(String key, int perMinute, String name) {

    static final long WINDOW_MILLIS = 60_000;
}
