package cl.compraagil.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a local run looks like from outside: found through the pid files under {@code .run/}, so it works from a
 * second terminal ({@code ./dev status}) as well as inside the launcher once start-up is done.
 */
final class SuiteStatus {

    private final Workspace workspace;
    private final EngineSettings engines;
    private final SuiteLayout layout;
    private final ReadinessProbe probe = new ReadinessProbe();

    SuiteStatus(Workspace workspace, EngineSettings engines, SuiteLayout layout) {
        this.workspace = workspace;
        this.engines = engines;
        this.layout = layout;
    }

    List<ComponentStatus> collect() {
        List<ComponentStatus> rows = new ArrayList<>();
        // the launcher's own memory only: Kafka runs inside it, Redis and the services are listed on their own
        rows.add(row("launcher + Kafka", PidFiles.liveProcess(workspace.launcherPidFile()), false, "running"));
        rows.add(row("redis", PidFiles.liveProcess(workspace.pidFile("redis")), false, "running"));
        rows.add(row("postgresql", PidFiles.liveProcess(engines.postgresDir().resolve("postmaster.pid")), true, "running"));
        for (ServiceSpec service : layout.services()) {
            Optional<ProcessHandle> process = PidFiles.liveProcess(workspace.pidFile(service.module()));
            String state = process.isEmpty() ? "stopped" : probe.isReady(service) ? "ready" : "not ready";
            rows.add(row(service.module(), process, false, state));
        }
        return rows;
    }

    private static ComponentStatus row(String name, Optional<ProcessHandle> process, boolean tree, String state) {
        return process
                .map(handle -> new ComponentStatus(name, handle.pid(), state,
                        tree ? ResidentMemory.ofTree(handle) : ResidentMemory.of(handle),
                        tree ? ResidentMemory.proportionalOfTree(handle) : ResidentMemory.proportionalOf(handle)))
                .orElseGet(() -> new ComponentStatus(name, 0, "stopped", 0, 0));
    }

    static long totalResident(List<ComponentStatus> rows) {
        return rows.stream().mapToLong(ComponentStatus::residentBytes).sum();
    }

    static long totalProportional(List<ComponentStatus> rows) {
        return rows.stream().mapToLong(ComponentStatus::proportionalBytes).sum();
    }

    static void print(List<ComponentStatus> rows, PrintStream out) {
        String format = "  %-22s %8s  %-10s %10s %10s%n";
        out.printf(format, "component", "pid", "state", "RSS", "PSS");
        for (ComponentStatus row : rows) {
            out.printf(format, row.name(), row.running() ? String.valueOf(row.pid()) : "-", row.state(),
                    row.running() ? ResidentMemory.format(row.residentBytes()) : "-",
                    row.running() ? ResidentMemory.format(row.proportionalBytes()) : "-");
        }
        out.printf(format, "total", "", "", ResidentMemory.format(totalResident(rows)),
                ResidentMemory.format(totalProportional(rows)));
    }
}
