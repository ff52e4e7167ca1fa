package cl.compraagil.launcher;

import java.io.PrintStream;
import java.util.Locale;

/** {@code ./dev engines}: only PostgreSQL, Redis and Kafka, for running one service from the IDE against them. */
final class EnginesCommand {

    private final Workspace workspace;
    private final EngineSettings settings;
    private final PrintStream out;

    EnginesCommand(Workspace workspace, EngineSettings settings, PrintStream out) {
        this.workspace = workspace;
        this.settings = settings;
        this.out = out;
    }

    int run() {
        LocalRun.requireNoOtherRun(workspace);
        PortGuard.requireFree(settings.ports());
        long start = System.nanoTime();
        LocalRun run = LocalRun.begin(workspace, out);
        try {
            run.engines(Engines.start(settings));
        } catch (RuntimeException e) {
            out.println("FAILED: " + e.getMessage() + " (details in " + workspace.logFile("engines") + ")");
            run.stop();
            return 1;
        }
        out.printf(Locale.ROOT, "Engines ready in %.1f s, data in %s%n%n", (System.nanoTime() - start) / 1e9, settings.dataDir());
        out.println("  PostgreSQL  " + settings.jdbcUrl("<database>") + "  user " + EngineSettings.DB_USER
                + ", password " + EngineSettings.DB_PASSWORD);
        out.println("              databases: " + String.join(", ", settings.databases()));
        out.println("  Redis       localhost:" + settings.redisPort());
        out.println("  Kafka       " + settings.kafkaBootstrapServers());
        out.println("  Log         " + workspace.logFile("engines"));
        out.println();
        out.println("Ctrl-C stops them (or ./dev down from another terminal).");
        out.flush();
        run.markReady();
        awaitShutdown();
        return 0;
    }

    /** The shutdown hook does the stopping; this thread only has to stay out of the way until then. */
    private static void awaitShutdown() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
