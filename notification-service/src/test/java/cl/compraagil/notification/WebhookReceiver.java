package cl.compraagil.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A customer's webhook receiver on a real local port. It verifies each Standard Webhooks signature with its own
 * implementation of the spec (not the service's signer) and answers with scripted status codes.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(String id, String timestamp, String signature, String body, boolean signatureValid) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** A scripted answer: status, an optional Retry-After header and body. */
    private record Answer(int status, String retryAfter, String body) {
    }

    private final ConcurrentLinkedQueue<Answer> scripted = new ConcurrentLinkedQueue<>();
    private volatile String secret;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            received.add(new Received(id, timestamp, signature, body, verify(secret, id, timestamp, signature, body)));
            Answer next = scripted.poll();
            byte[] answer = (next == null || next.body() == null ? "{\"ok\":true}" : next.body()).getBytes(StandardCharsets.UTF_8);
            if (next != null && next.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", next.retryAfter());
            }
            if (next != null && next.status() / 100 == 3) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:9/elsewhere");
            }
            exchange.sendResponseHeaders(next == null ? 200 : next.status(), answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/compra-agil";
    }

    public void secret(String whsecSecret) {
        this.secret = whsecSecret;
    }

    /** The next answers, in order; afterwards it answers 200. */
    public void answer(Integer... statuses) {
        for (Integer status : statuses) {
            scripted.add(new Answer(status, null, null));
        }
    }

    /** The next answer carries a {@code Retry-After} header and, when given, this body. */
    public void answer(int status, String retryAfter, String body) {
        scripted.add(new Answer(status, retryAfter, body));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Standard Webhooks verification: any v1 entry equal (constant time) to HMAC-SHA256(id.timestamp.body), fresh timestamp. */
    public static boolean verify(String secret, String id, String timestamp, String header, String body) {
        if (secret == null || id == null || timestamp == null || header == null) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.replaceFirst("^whsec_", ""));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String entry : header.split(" ")) {
                String[] parts = entry.split(",", 2);
                if (parts.length == 2 && parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    public Map<String, Object> summary() {
        return Map.of("received", received.size());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
