package cl.compraagil.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Starts services in waves (each wave together, the next once the previous is ready), and stops them in the
 * reverse order. {@code ./dev up} uses it for discovery and then the rest; end-to-end tests reuse it as it is.
 */
public final class SuiteRunner implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    /** The gateway's route to each service's API document (gateway application.yml, {@code api-docs-<module>}). */
    static final String ROUTE_PROBE = "/v3/api-docs/";

    private final Workspace workspace;
    private final LaunchOptions options;
    private final Consumer<ServiceProcess> onReady;
    private final ReadinessProbe probe = new ReadinessProbe();
    private final Deque<List<ServiceProcess>> waves = new ArrayDeque<>();
    private volatile boolean closing;

    public SuiteRunner(Workspace workspace, LaunchOptions options, Consumer<ServiceProcess> onReady) {
        this.workspace = workspace;
        this.options = options;
        this.onReady = onReady;
    }

    /**
     * Spawns every service of the wave at once and returns when all answer ready. Fails as soon as one exits or
     * when the readiness timeout passes; what was started keeps running until {@link #close()}. Throws
     * {@link CancellationException} when {@link #close()} is called meanwhile (Ctrl-C during start-up).
     */
    public List<ServiceProcess> startAndAwait(List<ServiceSpec> specs) throws ServiceFailedException, IOException {
        List<ClassDataSharing.Plan> plans = plan(specs);
        List<ServiceProcess> wave = new ArrayList<>();
        synchronized (waves) {
            // spawning under the lock: close() must never miss a process that is being started
            requireOpen();
            waves.push(wave);
            for (int i = 0; i < specs.size(); i++) {
                wave.add(ServiceProcess.launch(specs.get(i), plans.get(i), options, workspace));
            }
        }
        awaitReady(wave);
        return List.copyOf(wave);
    }

    /** Extracting jars for class data sharing takes seconds each after a build, so the wave's run side by side. */
    private List<ClassDataSharing.Plan> plan(List<ServiceSpec> specs) throws IOException {
        List<CompletableFuture<ClassDataSharing.Plan>> plans = specs.stream()
                .map(spec -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return ServiceProcess.prepare(spec, options, workspace);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }))
                .toList();
        try {
            return plans.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    private void awaitReady(List<ServiceProcess> wave) throws ServiceFailedException {
        awaitAnswers(wave, service -> service.spec().readinessUri(), service -> {
            service.markReady();
            onReady.accept(service);
        }, "was not ready");
    }

    /**
     * Returns once the gateway among the services started so far routes to each of the others (discovery aside): a
     * service's own readiness says nothing of when Eureka and the gateway's load balancer know it (the gateway fetches
     * the registry every few seconds), and until then the gateway answers 503 for its routes. Each service's API
     * document route through the gateway ({@value #ROUTE_PROBE}{@code <module>}) is public and answered by the service
     * itself. Fails as a wave does: a service that exits, or one not routed by the readiness timeout.
     *
     * @return false, at once, when no gateway was started or there is nothing for it to route
     */
    public boolean awaitGatewayRoutes() throws ServiceFailedException {
        List<ServiceProcess> started = services();
        Optional<ServiceProcess> gateway = started.stream()
                .filter(service -> service.spec().module().equals(SuiteLayout.GATEWAY)).findFirst();
        List<ServiceProcess> routed = started.stream().filter(service -> !service.spec().module().equals(SuiteLayout.GATEWAY)
                && !service.spec().module().equals(SuiteLayout.DISCOVERY)).toList();
        if (gateway.isEmpty() || routed.isEmpty()) {
            return false;
        }
        int port = gateway.get().spec().port();
        awaitAnswers(routed, service -> URI.create("http://127.0.0.1:" + port + ROUTE_PROBE + service.spec().module()),
                service -> { }, "was not routed by the gateway");
        return true;
    }

    /** Polls each service's {@code uri} until it answers 200, calling {@code answered} once for each. */
    private void awaitAnswers(List<ServiceProcess> services, Function<ServiceProcess, URI> uri,
            Consumer<ServiceProcess> answered, String failure) throws ServiceFailedException {
        long deadline = System.nanoTime() + options.readinessTimeout().toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            requireOpen();
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw new ServiceFailedException(service, "exited with code " + service.exitCode().orElse(-1) + " while starting");
                }
                if (probe.answers(uri.apply(service))) {
                    waiting.remove(service);
                    answered.accept(service);
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ServiceFailedException(waiting.get(0), failure + " after " + options.readinessTimeout().toSeconds() + " s");
            }
            sleep(POLL_INTERVAL);
        }
    }

    private void requireOpen() {
        if (closing) {
            throw new CancellationException("the suite is stopping");
        }
    }

    /** Every service started so far, in start order. */
    public List<ServiceProcess> services() {
        synchronized (waves) {
            List<ServiceProcess> all = new ArrayList<>();
            waves.descendingIterator().forEachRemaining(all::addAll);
            return all;
        }
    }

    /** Stops the last wave first (the gateway and services before discovery), each wave's services in parallel. */
    @Override
    public void close() {
        closing = true;
        List<List<ServiceProcess>> toStop;
        synchronized (waves) {
            toStop = new ArrayList<>(waves);
            waves.clear();
        }
        for (List<ServiceProcess> wave : toStop) {
            wave.forEach(ServiceProcess::requestStop);
            // one grace period for the whole wave, not one per service waited on in turn
            long deadline = System.nanoTime() + options.stopGrace().toNanos();
            wave.forEach(service -> service.awaitStop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for readiness");
        }
    }
}
