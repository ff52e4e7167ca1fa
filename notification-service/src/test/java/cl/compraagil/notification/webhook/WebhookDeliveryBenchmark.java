package cl.compraagil.notification.webhook;

import cl.compraagil.notification.NotificationServiceApplication;
import cl.compraagil.notification.WebhookReceiver;
import cl.compraagil.testkit.EmbeddedEngines;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test): signed webhook deliveries per second to a local receiver that verifies every signature.
 * Row 1 measures signing + HTTP only; row 2 the whole dispatcher (lease from PostgreSQL, SSRF check, sign, POST,
 * attempt log and status update). Run by bench/notifications.sh.
 */
public final class WebhookDeliveryBenchmark {

    private WebhookDeliveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // The JDK's HttpServer leaves Nagle on by default, which adds ~40 ms delayed-ACK stalls to every small answer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Map<String, Object> properties = new HashMap<>();
        EmbeddedEngines.register((name, value) -> {
            if (name.startsWith("spring.datasource") || name.startsWith("security.jwt") || name.startsWith("eureka")) {
                properties.put(name, value.get());
            }
        }, "notification_bench");
        properties.put("spring.kafka.bootstrap-servers", "127.0.0.1:9");
        properties.put("spring.kafka.listener.auto-startup", "false");
        properties.put("events.outbox.relay-enabled", "false");
        properties.put("notification.outbound.dispatcher-enabled", "false");
        properties.put("notification.webhooks.allowed-hosts", "127.0.0.1/32");
        properties.put("notification.webhooks.poll-interval", "10ms");
        properties.put("notification.webhooks.batch-size", "400");
        properties.put("notification.webhooks.concurrency", Integer.toString(concurrency));
        properties.put("spring.datasource.hikari.maximum-pool-size", Integer.toString(concurrency + 4));
        properties.put("server.port", "0");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.structured.format.console", "");
        // System properties outrank application.yml (builder "default properties" would not).
        properties.forEach((name, value) -> System.setProperty(name, String.valueOf(value)));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NotificationServiceApplication.class).run();
             WebhookReceiver receiver = new WebhookReceiver()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            String secret = WebhookSigner.newSecret();
            receiver.secret(secret);
            long endpoint = jdbc.sql("""
                    INSERT INTO webhook_endpoints (user_id, url, events, secret) VALUES (1, :url, '[]', :secret) RETURNING id
                    """).param("url", receiver.url()).param("secret", secret).query(Long.class).single();

            double senderOnly = senderOnly(context.getBean(WebhookSender.class), receiver, secret, messages, concurrency);
            double pipeline = pipeline(jdbc, endpoint, messages);
            long valid = receiver.received().stream().filter(WebhookReceiver.Received::signatureValid).count();
            System.out.println("| path | messages | concurrency | deliveries/s | signatures verified |");
            System.out.println("|---|---|---|---|---|");
            System.out.printf("| sign + HTTP POST (no database) | %d | %d | %.0f | %s |%n", messages, concurrency, senderOnly, "yes");
            System.out.printf("| full dispatcher (lease, SSRF check, sign, POST, attempt log) | %d | %d | %.0f | %d of %d valid |%n",
                    messages, concurrency, pipeline, valid, receiver.received().size());
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static double senderOnly(WebhookSender sender, WebhookReceiver receiver, String secret, int messages, int concurrency)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        URI url = URI.create(receiver.url());
        String body = "{\"type\":\"licitacion.new\",\"timestamp\":\"2026-11-26T05:00:00Z\",\"data\":{\"codigo\":\"2048-540-COT26\"}}";
        List<Callable<Integer>> warmup = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            warmup.add(() -> sender.send(url, List.of(secret), WebhookPublisher.newMessageId(), body).status());
        }
        pool.invokeAll(warmup);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            tasks.add(() -> sender.send(url, List.of(secret), WebhookPublisher.newMessageId(), body).status());
        }
        long start = System.nanoTime();
        pool.invokeAll(tasks);
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return messages / seconds;
    }

    private static double pipeline(JdbcClient jdbc, long endpoint, int messages) throws InterruptedException {
        jdbc.sql("""
                INSERT INTO webhook_messages (endpoint_id, msg_id, event_type, payload, dedup_key, next_attempt_at)
                SELECT :endpoint, 'msg_' || md5(g::text || clock_timestamp()::text), 'licitacion.new',
                       jsonb_build_object('type', 'licitacion.new', 'timestamp', now(), 'data',
                           jsonb_build_object('codigo', g || '-540-COT26', 'nombre', 'Notebook 14 pulgadas', 'monto_estimado', 1500000)),
                       'bench:' || g, now() + interval '1 hour'
                FROM generate_series(1, :count) AS g
                """).param("endpoint", endpoint).param("count", messages).update();
        long start = System.nanoTime();
        jdbc.sql("UPDATE webhook_messages SET next_attempt_at = now() WHERE endpoint_id = :endpoint").param("endpoint", endpoint).update();
        while (jdbc.sql("SELECT count(*) FROM webhook_messages WHERE endpoint_id = :endpoint AND status = 'succeeded'")
                .param("endpoint", endpoint).query(Long.class).single() < messages) {
            Thread.sleep(20);
        }
        return messages / ((System.nanoTime() - start) / 1e9);
    }
}
