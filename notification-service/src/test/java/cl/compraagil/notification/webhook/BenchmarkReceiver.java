package cl.compraagil.notification.webhook;

import cl.compraagil.notification.WebhookReceiver;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The customer's receiver of {@link WebhookDeliveryBenchmark}, in its own JVM so that its CPU is not counted as
 * the service's. Prints {@code port N}, then answers each {@code stats} line on stdin with
 * {@code received VALID_COUNT TOTAL}; exits when stdin closes.
 */
public final class BenchmarkReceiver {

    private BenchmarkReceiver() {
    }

    public static void main(String[] args) throws Exception {
        // The JDK's HttpServer leaves Nagle on by default, which adds ~40 ms delayed-ACK stalls to every small answer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try (WebhookReceiver receiver = new WebhookReceiver();
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            receiver.secret(args[0]);
            System.out.println("url " + receiver.url());
            System.out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("stats")) {
                    var received = receiver.received();
                    long valid = received.stream().filter(WebhookReceiver.Received::signatureValid).count();
                    System.out.println("received " + valid + " " + received.size());
                    System.out.flush();
                }
            }
        }
    }
}
