package cl.compraagil.auth.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Drives real logins (OAuth2 password form) against a running auth-service for a fixed time with a fixed number
 * of concurrent clients, and reads the service's CPU time from /proc before and after, so the CPU cost of one
 * login is known independently of other load on the machine. Prints one Markdown table row set.
 *
 * The service's idle CPU (schedulers, Kafka and database clients) is measured first and subtracted, so that a short
 * run on a slow machine still gives the cost of a login and not of the background.
 *
 * <p>Arguments: base URL, service pid, seconds, concurrency, users, warm-up seconds, minimum warm-up logins.
 */
public final class LoginLoad {

    private static final String PASSWORD = "Licitar-con-calma-2026";

    private LoginLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        int users = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        int warmupLogins = Integer.parseInt(args[6]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> emails = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < users; i++) {
            String email = "bench-" + run + "-" + i + "@pyme.cl";
            register(http, base, email);
            emails.add(email);
        }
        long warmed = 0;
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        while (warmed < warmupLogins || System.nanoTime() < warmupEnd) {
            warmed += drive(http, base, emails, concurrency, Math.max(1, warmup)).ok();
        }
        double idleSeconds = Math.min(10, seconds);
        double idleBefore = cpuSeconds(pid);
        Thread.sleep((long) (idleSeconds * 1000));
        double idleRate = (cpuSeconds(pid) - idleBefore) / idleSeconds;
        double cpuBefore = cpuSeconds(pid);
        Result result = drive(http, base, emails, concurrency, seconds);
        double cpu = cpuSeconds(pid) - cpuBefore;
        double cpuLogins = Math.max(0, cpu - idleRate * result.seconds());
        long ok = result.ok();
        long[] latencies = result.latenciesMicros();
        Arrays.sort(latencies);
        System.out.println("| end-to-end login | value |");
        System.out.println("|---|---|");
        System.out.printf("| concurrent clients, seconds measured, warm-up logins | %d, %d, %d |%n", concurrency, seconds, warmed);
        System.out.printf("| logins answered 200 / other | %d / %d |%n", ok, result.failed());
        System.out.printf("| **logins/s** (wall) | **%.1f** |%n", ok / result.seconds());
        System.out.printf("| latency p50 / p99 (ms, wall) | %.0f / %.0f |%n", percentile(latencies, 0.50) / 1000.0,
                percentile(latencies, 0.99) / 1000.0);
        System.out.printf("| auth-service idle CPU (ms per second, subtracted below) | %.1f |%n", idleRate * 1000);
        System.out.printf("| auth-service CPU ms per login, raw (/proc, all threads) | %.1f |%n",
                ok == 0 ? Double.NaN : cpu * 1000 / ok);
        System.out.printf("| **auth-service CPU ms per login**, idle subtracted | **%.1f** |%n",
                ok == 0 ? Double.NaN : cpuLogins * 1000 / ok);
        System.out.printf("| auth-service CPU-bound ceiling on 2 cores (2000 / CPU ms per login) | %.1f logins/s |%n",
                ok == 0 ? Double.NaN : Runtime.getRuntime().availableProcessors() * 1000 / (cpuLogins * 1000 / ok));
        if (ok == 0) {
            System.exit(1);
        }
    }

    record Result(long ok, long failed, double seconds, long[] latenciesMicros) {
    }

    private static Result drive(HttpClient http, String base, List<String> emails, int concurrency, int seconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        try {
            List<Future<long[]>> clients = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                String email = emails.get(c % emails.size());
                clients.add(pool.submit(() -> client(http, base, email, end)));
            }
            long ok = 0;
            long failed = 0;
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> client : clients) {
                long[] latencies = client.get();
                for (long latency : latencies) {
                    if (latency >= 0) {
                        ok++;
                    } else {
                        failed++;
                    }
                }
                all.add(Arrays.stream(latencies).filter(l -> l >= 0).toArray());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            return new Result(ok, failed, elapsed, all.stream().flatMapToLong(Arrays::stream).toArray());
        } finally {
            pool.shutdown();
        }
    }

    /** Latencies in microseconds of each login; a negative value marks an answer other than 200. */
    private static long[] client(HttpClient http, String base, String email, long end) throws Exception {
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        List<Long> latencies = new ArrayList<>();
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - start) / 1000;
            latencies.add(response.statusCode() == 200 && response.body().contains("\"access_token\"") ? micros : -1);
        }
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    private static void register(HttpClient http, String base, String email) throws Exception {
        String body = """
                {"email": "%s", "password": "%s", "full_name": "Ana Pérez", "company_name": "Pyme SpA",
                 "rut": "12.345.678-5", "phone": "+56 9 1234 5678"}""".formatted(email, PASSWORD);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/register"))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registration answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** utime + stime of every thread of the process, from /proc/<pid>/stat (fields 14 and 15, in clock ticks). */
    static double cpuSeconds(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks / (double) clockTicksPerSecond();
    }

    private static long clockTicksPerSecond() {
        String configured = System.getenv("CLK_TCK");
        return configured == null || configured.isBlank() ? 100 : Long.parseLong(configured.trim());
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
