package cl.compraagil.e2e;

import cl.compraagil.launcher.EngineSettings;
import cl.compraagil.launcher.Engines;
import cl.compraagil.launcher.LaunchOptions;
import cl.compraagil.launcher.ServiceProcess;
import cl.compraagil.launcher.ServiceSpec;
import cl.compraagil.launcher.SuiteRunner;
import cl.compraagil.launcher.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged suite as an operator runs it: embedded engines on free ports, then discovery, then the gateway and the
 * services under test as separate JVMs from their jars. Started once per test JVM and stopped when it exits.
 */
final class RunningSuite {

    static final List<String> SERVICES = List.of("gateway", "auth-service", "subscription-service", "licitacion-service",
            "ml-service", "notification-service");
    private static final Map<String, String> DATABASES = Map.of("auth-service", "auth", "subscription-service",
            "subscription", "licitacion-service", "licitacion", "ml-service", "ml", "notification-service", "notification");

    private static RunningSuite instance;
    private static IllegalStateException failedStart;

    private final Path root;
    private final Workspace workspace;
    private final Engines engines;
    private final LaunchOptions options;
    private final SuiteRunner runner;
    private final ThirdParties thirdParties;
    private final EngineSettings settings;
    private final Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();

    private RunningSuite(Path root, Path runDir) throws Exception {
        this.root = root;
        this.workspace = new Workspace(runDir);
        workspace.createRunFolders();
        settings = new EngineSettings(runDir.resolve("data"), freePort(), freePort(), freePort(), freePort(),
                EngineSettings.SUITE_DATABASES);
        thirdParties = ThirdParties.start();
        engines = Engines.start(settings);
        // an idle 2-core machine starts the suite in about a minute; a loaded one can need ten
        Duration readiness = Duration.ofSeconds(Long.getLong("e2e.readinessSeconds", 900));
        options = LaunchOptions.local(engines.serviceEnvironment()).withReadinessTimeout(readiness)
                // a hung service must turn into a 503 quickly in the tests
                .withEnvironment("GATEWAY_ROUTE_TIMEOUT", "4s")
                // every test calls from localhost: the anonymous per-IP bucket would otherwise be shared by all of them
                .withEnvironment("GATEWAY_IP_LIMIT_PER_MINUTE", "100000");
        runner = new SuiteRunner(workspace, options, process -> { });
        int discoveryPort = freePort();
        Map<String, Integer> ports = new LinkedHashMap<>();
        SERVICES.forEach(service -> ports.put(service, freePort()));
        String eureka = "http://localhost:" + discoveryPort + "/eureka/";
        String jwks = "http://localhost:" + ports.get("auth-service") + "/.well-known/jwks.json";
        String gateway = "http://localhost:" + ports.get("gateway");
        specs.put("discovery", new ServiceSpec("discovery", discoveryPort, "/actuator/health", jar("discovery"), Map.of()));
        for (String service : SERVICES) {
            Map<String, String> environment = new LinkedHashMap<>(Map.of("EUREKA_URL", eureka, "JWKS_URI", jwks,
                    "GATEWAY_URL", gateway, "PUBLIC_BASE_URL", gateway));
            if (DATABASES.containsKey(service)) {
                environment.put("DB_URL", settings.jdbcUrl(DATABASES.get(service)));
            }
            environment.putAll(thirdParties.environmentOf(service));
            if (service.equals("subscription-service")) {
                // dunning in seconds, so a test sees past_due turn into restricted
                environment.put("BILLING_GRACE_PERIOD", "20s");
                environment.put("BILLING_GRACE_CHECK_INTERVAL", "2s");
            }
            specs.put(service, new ServiceSpec(service, ports.get(service), "/actuator/health/readiness", jar(service), environment));
        }
    }

    private void startServices() throws Exception {
        runner.startAndAwait(List.of(specs.get("discovery")));
        List<ServiceSpec> rest = new ArrayList<>();
        SERVICES.forEach(service -> rest.add(specs.get(service)));
        runner.startAndAwait(rest).forEach(process -> processes.put(process.spec().module(), process));
        // as ./dev up does: ready services are routed only once Eureka and the gateway's load balancer know them
        runner.awaitGatewayRoutes();
        warmUp();
    }

    /**
     * Ready is not yet fast: the first sign-up after start-up runs Argon2 and Kafka's first send on cold JITs and can
     * outlive the gateway's 4 s route time-out. One sign-up through the gateway, retried until it is created, so no
     * test class pays for (or flakes on) the cold start.
     */
    private void warmUp() {
        Gateway gateway = new Gateway(gatewayUrl());
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = gateway.register("warm-up@suite.cl", "Licitar-2026!seguro").statusCode();
            if (status / 100 == 2 || status == 409) {
                return;
            }
            Gateway.sleep(1000);
        }
        throw new IllegalStateException("sign-up through the gateway still answered " + status + " after 180 s");
    }

    static synchronized RunningSuite get() {
        if (failedStart != null) {
            // one failed start is reported to every test class instead of being retried for each
            throw failedStart;
        }
        if (instance == null) {
            Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
            try {
                Path runDir = Files.createDirectories(root.resolve("e2e-tests/target/e2e-run"));
                RunningSuite suite = new RunningSuite(root, runDir);
                try {
                    suite.startServices();
                } catch (Exception e) {
                    // nothing may outlive a failed start: the engines and the services already up are stopped here
                    suite.stop();
                    throw e;
                }
                instance = suite;
            } catch (Exception e) {
                failedStart = new IllegalStateException("The suite did not start; see e2e-tests/target/e2e-run/.run/logs", e);
                throw failedStart;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    String gatewayUrl() {
        return "http://localhost:" + specs.get("gateway").port();
    }

    Engines engines() {
        return engines;
    }

    /** JDBC URL of one service's database (user and password {@code postgres}), for set-up an operator would do. */
    String jdbcUrl(String database) {
        return settings.jdbcUrl(database);
    }

    /** The WireMock stand-ins of Mercado Público, Telegram, SendGrid and Gemini the services call. */
    ThirdParties thirdParties() {
        return thirdParties;
    }

    /** Stops one service the way an operator would (SIGTERM, then kill after the grace). */
    void stop(String service) {
        processes.remove(service).stop(Duration.ofSeconds(15));
    }

    void start(String service) throws Exception {
        ServiceProcess process = runner.startAndAwait(List.of(specs.get(service))).get(0);
        processes.put(service, process);
    }

    private void stop() {
        runner.close();
        thirdParties.close();
        engines.close();
    }

    private Path jar(String module) {
        Path jar = root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw verify from the root so the reactor packages it first");
        }
        return jar;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
