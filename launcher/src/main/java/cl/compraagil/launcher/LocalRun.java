package cl.compraagil.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code ./dev up} or {@code ./dev engines} run: records its pids under {@code .run/} and stops everything in
 * order exactly once, whether Ctrl-C, {@code ./dev down} (both arrive as a signal) or a failed start asks for it.
 */
final class LocalRun {

    private final Workspace workspace;
    private final PrintStream out;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile ArchiveTrainer trainer;
    private volatile SuiteRunner suite;
    private volatile Engines engines;

    private LocalRun(Workspace workspace, PrintStream out) {
        this.workspace = workspace;
        this.out = out;
    }

    /** Refuses to start a second run on the same checkout: its ports and data folder are taken. */
    static void requireNoOtherRun(Workspace workspace) {
        Optional<ProcessHandle> other = PidFiles.liveProcess(workspace.launcherPidFile())
                .filter(process -> process.pid() != ProcessHandle.current().pid())
                .filter(process -> process.info().commandLine().map(line -> line.contains("launcher")).orElse(true));
        other.ifPresent(process -> {
            throw new LaunchRefusedException(List.of("The suite is already running (pid " + process.pid()
                    + "); ./dev status shows it and ./dev down stops it"));
        });
    }

    static LocalRun begin(Workspace workspace, PrintStream out) {
        workspace.createRunFolders();
        PidFiles.write(workspace.launcherPidFile(), ProcessHandle.current().pid());
        PidFiles.delete(workspace.readyMarker());
        LocalRun run = new LocalRun(workspace, out);
        Runtime.getRuntime().addShutdownHook(new Thread(run::stop, "dev-shutdown"));
        return run;
    }

    void engines(Engines started) {
        this.engines = started;
        started.redisProcess().ifPresent(redis -> PidFiles.write(workspace.pidFile("redis"), redis.pid()));
    }

    void trainer(ArchiveTrainer started) {
        this.trainer = started;
    }

    void suite(SuiteRunner runner) {
        this.suite = runner;
    }

    void markReady() {
        try {
            Files.writeString(workspace.readyMarker(), "ready\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + workspace.readyMarker(), e);
        }
    }

    boolean isStopping() {
        return stopping.get();
    }

    /** A class archive training run first, then the services (discovery last), then Kafka, Redis and PostgreSQL. */
    void stop() {
        if (stopping.getAndSet(true)) {
            return;
        }
        PidFiles.delete(workspace.readyMarker());
        if (trainer != null) {
            trainer.close();
        }
        if (suite != null) {
            out.println("Stopping services...");
            suite.close();
        }
        if (engines != null) {
            out.println("Stopping Kafka, Redis and PostgreSQL...");
            engines.close();
            PidFiles.delete(workspace.pidFile("redis"));
        }
        PidFiles.delete(workspace.launcherPidFile());
        out.println("Stopped.");
        out.flush();
    }
}
