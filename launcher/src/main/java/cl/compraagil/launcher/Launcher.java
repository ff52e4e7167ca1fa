package cl.compraagil.launcher;

import java.io.PrintStream;
import java.util.List;

/**
 * Entry point of the launcher jar that {@code ./dev} runs: {@code up [--detached]}, {@code engines} and
 * {@code status}. Exit codes: 0 done, 1 something failed while starting, 2 the run was refused (busy port, ...).
 */
public final class Launcher {

    static final int REFUSED = 2;

    private final Workspace workspace;
    private final EngineSettings settings;
    private final SuiteLayout layout;
    private final PrintStream out;

    public Launcher(Workspace workspace, EngineSettings settings, SuiteLayout layout, PrintStream out) {
        this.workspace = workspace;
        this.settings = settings;
        this.layout = layout;
        this.out = out;
    }

    public static void main(String[] args) {
        Workspace workspace = Workspace.current();
        if (args.length > 0 && List.of("up", "engines").contains(args[0])) {
            // before any logger exists: engine logs go to a file, the terminal only gets the launcher's own lines
            workspace.createRunFolders();
            System.setProperty("org.slf4j.simpleLogger.logFile", workspace.logFile("engines").toString());
        }
        EngineSettings settings = EngineSettings.local(workspace.dataDir());
        SuiteLayout layout = SuiteLayout.standard(workspace, settings).presentIn(workspace);
        System.exit(new Launcher(workspace, settings, layout, System.out).run(args));
    }

    public int run(String... args) {
        String command = args.length == 0 ? "help" : args[0];
        try {
            return switch (command) {
                case "up" -> new UpCommand(workspace, settings, layout, out).run(List.of(args).contains("--detached"));
                case "engines" -> new EnginesCommand(workspace, settings, out).run();
                case "status" -> status();
                default -> usage();
            };
        } catch (LaunchRefusedException e) {
            e.lines().forEach(out::println);
            return REFUSED;
        }
    }

    /** 0 when every service is ready, 1 when the run is partial, 3 when nothing runs. */
    private int status() {
        List<ComponentStatus> rows = new SuiteStatus(workspace, settings, layout).collect();
        SuiteStatus.print(rows, out);
        if (rows.stream().noneMatch(ComponentStatus::running)) {
            out.println("Nothing is running; ./dev up starts the suite.");
            return 3;
        }
        boolean allReady = rows.stream().allMatch(row -> row.running()
                && (row.state().equals("ready") || row.state().equals("running")));
        return allReady ? 0 : 1;
    }

    private int usage() {
        out.println("usage: java -jar launcher/target/launcher-" + Workspace.suiteVersion()
                + ".jar up [--detached] | engines | status");
        out.println("  up       start the engines and every service, print where they are, run until Ctrl-C");
        out.println("  engines  start only PostgreSQL, Redis and Kafka");
        out.println("  status   readiness and resident memory of a running suite");
        return REFUSED;
    }
}
