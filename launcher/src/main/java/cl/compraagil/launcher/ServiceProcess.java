package cl.compraagil.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One service running as a child JVM, its output in {@code .run/logs/<module>.log} and its pid in {@code .run/pids}. */
public final class ServiceProcess {

    private final ServiceSpec spec;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;
    private final ClassDataSharing.Plan plan;
    private final long startedAt;
    private volatile Duration readyAfter;

    private ServiceProcess(ServiceSpec spec, Process process, Path logFile, Path pidFile, ClassDataSharing.Plan plan) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.plan = plan;
        this.startedAt = System.nanoTime();
    }

    public static ServiceProcess start(ServiceSpec spec, LaunchOptions options, Workspace workspace) throws IOException {
        return launch(spec, prepare(spec, options, workspace), options, workspace);
    }

    static ClassDataSharing.Plan prepare(ServiceSpec spec, LaunchOptions options, Workspace workspace) throws IOException {
        if (!Files.isRegularFile(spec.jar())) {
            throw new IOException(spec.jar() + " is missing; build it with ./dev build");
        }
        return options.classDataSharing() ? ClassDataSharing.prepare(spec, workspace) : ClassDataSharing.Plan.plain(spec.jar());
    }

    static ServiceProcess launch(ServiceSpec spec, ClassDataSharing.Plan plan, LaunchOptions options, Workspace workspace)
            throws IOException {
        workspace.createRunFolders();
        Path logFile = workspace.logFile(spec.module());
        if (Files.exists(logFile)) {
            // the previous run's log stays one run longer, for comparing a failure with the last good start
            Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder builder = new ProcessBuilder(command(plan, options))
                .directory(workspace.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        builder.environment().putAll(options.environment());
        builder.environment().putAll(spec.environment());
        builder.environment().put("SERVER_PORT", String.valueOf(spec.port()));
        Process process = builder.start();
        Path pidFile = workspace.pidFile(spec.module());
        PidFiles.write(pidFile, process.pid());
        return new ServiceProcess(spec, process, logFile, pidFile, plan);
    }

    private static List<String> command(ClassDataSharing.Plan plan, LaunchOptions options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.jvmFlags());
        command.addAll(plan.jvmFlags());
        options.systemProperties().forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-jar");
        command.add(plan.jar().toString());
        return command;
    }

    public ServiceSpec spec() {
        return spec;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    public Path logFile() {
        return logFile;
    }

    public List<String> logTail(int lines) {
        return LogTail.lastLines(logFile, lines);
    }

    /** How long the service took from spawn to its first 200 on the readiness path; empty until then. */
    public Optional<Duration> readyAfter() {
        return Optional.ofNullable(readyAfter);
    }

    /** CPU the JVM has used so far: unlike wall time, it does not grow when other work shares the cores. */
    public Optional<Duration> cpuTime() {
        return process.info().totalCpuDuration();
    }

    void markReady() {
        if (readyAfter == null) {
            readyAfter = Duration.ofNanos(System.nanoTime() - startedAt);
        }
    }

    /** Asks the service to stop (SIGTERM, so Spring shuts down gracefully) without waiting. */
    void requestStop() {
        process.destroy();
    }

    ClassDataSharing.Plan plan() {
        return plan;
    }

    /** Waits for the exit that {@link #requestStop()} asked for and kills the JVM when it takes longer than the grace. */
    void awaitStop(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        PidFiles.delete(pidFile);
    }

    public void stop(Duration grace) {
        requestStop();
        awaitStop(grace);
    }
}
