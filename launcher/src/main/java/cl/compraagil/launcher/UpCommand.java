package cl.compraagil.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;

/** {@code ./dev up}: the engines, then discovery, then every other service, then a summary; runs until stopped. */
final class UpCommand {

    private final Workspace workspace;
    private final EngineSettings settings;
    private final SuiteLayout layout;
    private final PrintStream out;

    UpCommand(Workspace workspace, EngineSettings settings, SuiteLayout layout, PrintStream out) {
        this.workspace = workspace;
        this.settings = settings;
        this.layout = layout;
        this.out = out;
    }

    int run(boolean detached) {
        requireJars();
        LocalRun.requireNoOtherRun(workspace);
        List<NamedPort> ports = new ArrayList<>(settings.ports());
        ports.addAll(layout.ports());
        PortGuard.requireFree(ports);
        long start = System.nanoTime();
        LocalRun run = LocalRun.begin(workspace, out);
        try {
            out.println("Starting PostgreSQL 17, Redis and Kafka (KRaft) with data in " + settings.dataDir());
            Engines engines = Engines.start(settings);
            run.engines(engines);
            out.printf(Locale.ROOT, "  %-22s ready in %5.1f s%n", "engines", seconds(System.nanoTime() - start));
            LaunchOptions options = LaunchOptions.local(engines.serviceEnvironment());
            SuiteRunner suite = new SuiteRunner(workspace, options, this::printReady);
            run.suite(suite);
            for (List<ServiceSpec> wave : List.of(layout.discovery(), layout.afterDiscovery())) {
                if (!wave.isEmpty()) {
                    out.println("Starting " + String.join(", ", wave.stream().map(ServiceSpec::module).toList())
                            + " (logs in " + workspace.root().relativize(workspace.logsDir()) + ")");
                    suite.startAndAwait(wave);
                }
            }
            awaitGatewayRoutes(suite);
            printSummary(System.nanoTime() - start, detached);
            ArchiveTrainer trainer = ArchiveTrainer.start(suite.services(), options, workspace);
            run.trainer(trainer);
            if (trainer.pending() > 0) {
                out.println("Writing class archives for " + trainer.pending() + " services in the background, at low"
                        + " priority: the next ./dev up starts faster.");
            }
            run.markReady();
            watch(suite, run);
            return 0;
        } catch (ServiceFailedException e) {
            out.println("FAILED: " + e.getMessage() + ". Last lines of " + e.process().logFile() + ":");
            e.process().logTail(20).forEach(line -> out.println("  | " + line));
            run.stop();
            return 1;
        } catch (CancellationException e) {
            // Ctrl-C or ./dev down during start-up: the shutdown hook is already stopping everything
            return 0;
        } catch (IOException | RuntimeException e) {
            out.println("FAILED: " + e.getMessage() + " (details in " + workspace.logFile("engines") + ")");
            run.stop();
            return 1;
        }
    }

    /** "Ready" means usable through the gateway: each service must be routed, not only up (see SuiteRunner#awaitGatewayRoutes). */
    private void awaitGatewayRoutes(SuiteRunner suite) throws ServiceFailedException {
        long start = System.nanoTime();
        if (suite.awaitGatewayRoutes()) {
            out.printf(Locale.ROOT, "  %-22s routes every service %.1f s later%n", SuiteLayout.GATEWAY, seconds(System.nanoTime() - start));
        }
    }

    private void requireJars() {
        List<String> missing = layout.services().stream().map(ServiceSpec::jar).filter(jar -> !Files.isRegularFile(jar))
                .map(jar -> "Missing " + workspace.root().relativize(jar) + "; build it with ./dev build").toList();
        if (layout.services().isEmpty()) {
            throw new LaunchRefusedException(List.of("No service modules in " + workspace.root()
                    + "; ./dev engines starts the engines alone"));
        }
        if (!missing.isEmpty()) {
            throw new LaunchRefusedException(missing);
        }
    }

    private void printReady(ServiceProcess service) {
        String cpu = service.cpuTime().map(time -> String.format(Locale.ROOT, "%5.1f s", seconds(time.toNanos()))).orElse("-");
        out.printf(Locale.ROOT, "  %-22s ready in %5.1f s  (cpu %s)  :%d%n", service.spec().module(),
                seconds(service.readyAfter().orElseThrow().toNanos()), cpu, service.spec().port());
    }

    private void printSummary(long elapsedNanos, boolean detached) {
        List<ComponentStatus> rows = new SuiteStatus(workspace, settings, layout).collect();
        out.printf(Locale.ROOT, "%nAll %d services ready in %.1f s; resident memory %s RSS, %s PSS (./dev status)%n%n",
                layout.services().size(), seconds(elapsedNanos), ResidentMemory.format(SuiteStatus.totalResident(rows)),
                ResidentMemory.format(SuiteStatus.totalProportional(rows)));
        out.println("  Gateway     http://localhost:8080");
        out.println("  Swagger UI  http://localhost:8080/swagger-ui.html");
        out.println("  Eureka      http://localhost:8761");
        out.println("  Logs        " + workspace.logsDir() + " (./dev logs <module>)");
        out.println();
        out.println(detached ? "Running in the background; ./dev down stops it."
                : "Ctrl-C stops everything (or ./dev down from another terminal).");
        out.flush();
    }

    /** Reports a service that dies after start-up once, so a crash is not only visible in its log. */
    private void watch(SuiteRunner suite, LocalRun run) {
        Set<String> reported = new HashSet<>();
        while (!run.isStopping()) {
            for (ServiceProcess service : suite.services()) {
                if (!service.isAlive() && !run.isStopping() && reported.add(service.spec().module())) {
                    out.println(service.spec().module() + " exited with code " + service.exitCode().orElse(-1)
                            + "; its log: " + service.logFile());
                }
            }
            try {
                Thread.sleep(Duration.ofSeconds(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
