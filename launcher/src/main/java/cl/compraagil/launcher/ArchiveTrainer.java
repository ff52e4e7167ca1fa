package cl.compraagil.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes the missing class archives once the suite is ready, off the start-up path: one service at a time, at the
 * lowest CPU priority, it starts a second JVM of the service that exits right after its context refresh
 * ({@code spring.context.exit=onRefresh}, Spring Boot's training run) and dumps the classes it loaded.
 * That run opens no port and registers nowhere; the next {@code ./dev up} maps the archives.
 */
final class ArchiveTrainer implements AutoCloseable {

    private static final long TRAINING_LIMIT_MINUTES = 10;

    private final List<ServiceProcess> services;
    private final LaunchOptions options;
    private final Path pidFile;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Process current;

    private ArchiveTrainer(List<ServiceProcess> services, LaunchOptions options, Path pidFile) {
        this.services = services;
        this.options = options;
        this.pidFile = pidFile;
        this.thread = new Thread(this::trainAll, "class-archive-trainer");
        this.thread.setDaemon(true);
    }

    /** Starts training for the services that have no archive yet; returns how many will get one. */
    static ArchiveTrainer start(List<ServiceProcess> services, LaunchOptions options, Workspace workspace) {
        List<ServiceProcess> untrained = services.stream().filter(service -> service.plan().canTrain()).toList();
        // a pid file, so ./dev down also stops a training run that a killed launcher left behind
        ArchiveTrainer trainer = new ArchiveTrainer(untrained, options, workspace.pidFile("cds-training"));
        trainer.thread.start();
        return trainer;
    }

    int pending() {
        return services.size();
    }

    private void trainAll() {
        for (ServiceProcess service : services) {
            if (closed) {
                return;
            }
            try {
                train(service);
            } catch (IOException e) {
                // the archive is an optimisation: without it the next start is only slower
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void train(ServiceProcess service) throws IOException, InterruptedException {
        ClassDataSharing.Plan plan = service.plan();
        Path training = plan.archive().resolveSibling(plan.archive().getFileName() + ".training");
        List<String> command = new ArrayList<>(List.of("nice", "-n", "19",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options.jvmFlags());
        // the dump lists every class it cannot archive as a warning: noise nobody reads
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + training, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-Dspring.context.exit=onRefresh"));
        options.systemProperties().forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", plan.jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(plan.archive().resolveSibling("training.log").toFile());
        builder.environment().putAll(options.environment());
        builder.environment().putAll(service.spec().environment());
        builder.environment().put("SERVER_PORT", "0");
        synchronized (this) {
            if (closed) {
                return;
            }
            current = builder.start();
            PidFiles.write(pidFile, current.pid());
        }
        boolean finished = current.waitFor(TRAINING_LIMIT_MINUTES, TimeUnit.MINUTES);
        PidFiles.delete(pidFile);
        if (finished && current.exitValue() == 0 && Files.isRegularFile(training)) {
            Files.move(training, plan.archive(), StandardCopyOption.REPLACE_EXISTING);
        } else {
            current.destroyForcibly();
            Files.deleteIfExists(training);
        }
    }

    /** Stops a training run in progress; its half-written archive is discarded. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (current != null) {
                current.destroyForcibly();
                PidFiles.delete(pidFile);
            }
        }
        thread.interrupt();
    }
}
