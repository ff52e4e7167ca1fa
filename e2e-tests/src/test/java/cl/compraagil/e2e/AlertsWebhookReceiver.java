package cl.compraagil.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A customer's webhook receiver on {@code localhost} (the suite's allow-list opens only that name). Each path answers
 * with a scripted status per attempt (200 always, 500 twice then 200, 410) and records what arrived, byte for byte.
 * The signature check is this test's own Standard Webhooks implementation, not the service's signer.
 */
final class AlertsWebhookReceiver implements AutoCloseable {

    /** How far a {@code webhook-timestamp} may be from now, as the Standard Webhooks libraries allow by default. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** One request as it arrived, and the status it was answered with. */
    record Received(String path, String id, String timestamp, String signature, byte[] body, int answered, Instant at) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final Map<String, IntUnaryOperator> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    AlertsWebhookReceiver() {
        try {
            // every interface, so "localhost" reaches it whichever loopback address the service's client picks
            server = HttpServer.create(new InetSocketAddress(0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** A path answering with {@code statusOfAttempt.applyAsInt(n)} to its n-th request (1-based). */
    String url(String path, IntUnaryOperator statusOfAttempt) {
        scripts.put(path, statusOfAttempt);
        counters.put(path, new AtomicInteger());
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> receivedAt(String path) {
        List<Received> result = new ArrayList<>();
        for (Received r : received) {
            if (r.path().equals(path)) {
                result.add(r);
            }
        }
        return result;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            IntUnaryOperator script = scripts.get(path);
            int status = script == null ? 404 : script.applyAsInt(counters.get(path).incrementAndGet());
            received.add(new Received(path, exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, status, Instant.now()));
            byte[] answer = (status < 300 ? "{\"ok\":true}" : "{\"error\":\"scripted " + status + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * Standard Webhooks verification written from the specification: the key is the base64 after {@code whsec_},
     * the signed content is {@code id.timestamp.body}, the header holds space-separated {@code v1,<base64>} entries of
     * which one must match in constant time, and the timestamp must be within {@link #TOLERANCE} of {@code now}.
     *
     * @return null when the delivery is authentic, otherwise why not
     */
    static String verify(String secret, String id, String timestamp, String signatureHeader, byte[] body, Instant now) {
        if (secret == null || !secret.startsWith("whsec_")) {
            return "the secret is not a whsec_ secret: " + secret;
        }
        if (id == null || timestamp == null || signatureHeader == null) {
            return "missing webhook-id, webhook-timestamp or webhook-signature";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "webhook-timestamp is not unix seconds: " + timestamp;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return "webhook-timestamp " + seconds + " is outside the tolerance around " + now.getEpochSecond();
        }
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            expected = mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
        for (String entry : signatureHeader.trim().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return null;
            }
        }
        return "no v1 signature matches HMAC-SHA256(id.timestamp.body): " + signatureHeader;
    }
}
