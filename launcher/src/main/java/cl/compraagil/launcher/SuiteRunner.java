package cl.compraagil.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Starts services in waves (each wave together, the next once the previous is ready), and stops them in the
 * reverse order. {@code ./dev up} uses it for discovery and then the rest; end-to-end tests reuse it as it is.
 */
public final class SuiteRunner implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

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
        long deadline = System.nanoTime() + options.readinessTimeout().toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(wave);
        while (!waiting.isEmpty()) {
            requireOpen();
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw new ServiceFailedException(service, "exited with code " + service.exitCode().orElse(-1) + " while starting");
                }
                if (probe.isReady(service.spec())) {
                    service.markReady();
                    waiting.remove(service);
                    onReady.accept(service);
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ServiceFailedException(waiting.get(0), "was not ready after " + options.readinessTimeout().toSeconds() + " s");
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
