package cl.compraagil.notification.webhook;

import cl.compraagil.notification.NotificationServiceApplication;
import cl.compraagil.testkit.EmbeddedEngines;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test): signed webhook deliveries per second through the real dispatcher inside the running
 * service (lease from PostgreSQL, SSRF check, sign, POST, attempt log) to a receiver in another JVM that verifies
 * every signature. Besides wall-clock throughput it reports CPU milliseconds per delivery of each process (from
 * /proc), which stay steady on a shared machine. Run by bench/notifications.sh; sizes from arguments.
 */
public final class WebhookDeliveryBenchmark {

    private WebhookDeliveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
        String secret = WebhookSigner.newSecret();
        Process receiverProcess = startReceiver(secret);
        try (BufferedReader receiverOut = new BufferedReader(
                        new InputStreamReader(receiverProcess.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter receiverIn = new PrintWriter(receiverProcess.getOutputStream(), true, StandardCharsets.UTF_8);
             ConfigurableApplicationContext context = startService(concurrency)) {
            String receiverUrl = receiverOut.readLine().substring("url ".length());
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            long endpoint = jdbc.sql("""
                    INSERT INTO webhook_endpoints (user_id, url, events, secret) VALUES (1, :url, '[]', :secret) RETURNING id
                    """).param("url", receiverUrl).param("secret", context.getBean(SecretCipher.class).encrypt(secret))
                    .query(Long.class).single();
            long postmaster = ProcessCpu.postmaster(EmbeddedEngines.postgres().getPort());

            run(jdbc, endpoint, warmup, 0); // JIT, connection pools and caches warm up
            Map<Long, Double> pgBefore = ProcessCpu.tree(postmaster);
            Map<String, Double> threadsBefore = ProcessCpu.threads(ProcessHandle.current().pid());
            double serviceBefore = ProcessCpu.millis(ProcessHandle.current().pid());
            double receiverBefore = ProcessCpu.millis(receiverProcess.pid());
            double seconds = run(jdbc, endpoint, messages, warmup);
            double service = ProcessCpu.millis(ProcessHandle.current().pid()) - serviceBefore;
            double receiver = ProcessCpu.millis(receiverProcess.pid()) - receiverBefore;
            double database = ProcessCpu.delta(pgBefore, ProcessCpu.tree(postmaster));
            Map<String, Double> threadsAfter = ProcessCpu.threads(ProcessHandle.current().pid());

            receiverIn.println("stats");
            String[] stats = receiverOut.readLine().split(" ");
            long attempts = jdbc.sql("SELECT count(*) FROM webhook_deliveries WHERE webhook_id = :endpoint AND success")
                    .param("endpoint", endpoint).query(Long.class).single();
            // JIT compilation is a warm-up cost that a long-running service stops paying; shown apart from the rest
            double jit = threadsAfter.entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                    .mapToDouble(e -> e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0.0)).sum();
            System.out.println("| messages | workers | wall s | deliveries/s | service CPU ms/delivery (of which JIT) "
                    + "| PostgreSQL CPU ms/delivery | receiver CPU ms/delivery | deliveries per CPU-second, service + PostgreSQL "
                    + "(without JIT) | signatures valid | attempts logged |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            System.out.printf("| %d | %d | %.2f | %.0f | %.3f (%.3f) | %.3f | %.3f | %.0f (%.0f) | %s of %s | %d |%n",
                    messages, concurrency, seconds, messages / seconds, service / messages, jit / messages, database / messages,
                    receiver / messages, messages * 1000.0 / (service + database), messages * 1000.0 / (service - jit + database),
                    stats[1], stats[2], attempts);
            if (Boolean.getBoolean("bench.threads")) {
                System.out.println();
                System.out.println("| service thread (JVM name, digits folded) | CPU ms/delivery |");
                System.out.println("|---|---|");
                threadsAfter.entrySet().stream()
                        .map(e -> Map.entry(e.getKey(), (e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0.0)) / messages))
                        .filter(e -> e.getValue() >= 0.005).sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .forEach(e -> System.out.printf("| %s | %.3f |%n", e.getKey(), e.getValue()));
            }
        } finally {
            receiverProcess.destroy();
        }
        System.exit(0);
    }

    private static Process startReceiver(String secret) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                BenchmarkReceiver.class.getName(), secret).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static ConfigurableApplicationContext startService(int concurrency) {
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
        properties.put("notification.webhooks.poll-interval", "50ms");
        properties.put("notification.webhooks.concurrency", Integer.toString(concurrency));
        properties.put("server.port", "0");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.structured.format.console", "");
        // System properties outrank application.yml (builder "default properties" would not).
        properties.forEach((name, value) -> System.setProperty(name, String.valueOf(value)));
        return new SpringApplicationBuilder(NotificationServiceApplication.class).run();
    }

    /** Queues {@code count} messages as not yet due, releases them at once and waits until every one succeeded. */
    private static double run(JdbcClient jdbc, long endpoint, int count, int offset) throws InterruptedException {
        jdbc.sql("""
                INSERT INTO webhook_messages (endpoint_id, msg_id, event_type, payload, dedup_key, next_attempt_at)
                SELECT :endpoint, 'msg_' || md5(g::text || clock_timestamp()::text), 'licitacion.new',
                       jsonb_build_object('type', 'licitacion.new', 'timestamp', now(), 'data',
                           jsonb_build_object('codigo', g || '-540-COT26', 'tipo', 'compra_agil',
                               'nombre', 'Adquisición de notebooks de 14 pulgadas para el departamento de salud',
                               'organismo', 'I MUNICIPALIDAD DE MAIPU', 'region', 'Región Metropolitana de Santiago',
                               'monto_estimado', 1500000, 'moneda', 'CLP', 'estado', 'publicada',
                               'unspsc_codes', jsonb_build_array('43211503'), 'alert_rule_id', 7,
                               'alert_rule_name', 'Notebooks RM')),
                       'bench:' || g, 'infinity'
                FROM generate_series(:from, :to) AS g
                """).param("endpoint", endpoint).param("from", offset + 1).param("to", offset + count).update();
        long start = System.nanoTime();
        jdbc.sql("UPDATE webhook_messages SET next_attempt_at = now() WHERE endpoint_id = :endpoint AND status = 'pending'")
                .param("endpoint", endpoint).update();
        // cheap on the partial index of pending messages, so polling does not load the database being measured
        while (jdbc.sql("SELECT EXISTS (SELECT 1 FROM webhook_messages WHERE status = 'pending' AND endpoint_id = :endpoint)")
                .param("endpoint", endpoint).query(Boolean.class).single()) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> failed = jdbc.sql("SELECT msg_id FROM webhook_messages WHERE endpoint_id = :endpoint AND status <> 'succeeded'")
                .param("endpoint", endpoint).query(String.class).list();
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " messages did not succeed");
        }
        return seconds;
    }
}
