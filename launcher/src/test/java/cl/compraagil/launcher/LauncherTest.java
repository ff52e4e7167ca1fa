package cl.compraagil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void aBusyPortRefusesTheRunWithOneClearLineAndNoStackTrace() throws Exception {
        List<Integer> ports = FreePorts.take(4);
        try (ServerSocket squatter = new ServerSocket(ports.get(0))) {
            EngineSettings settings = new EngineSettings(root.resolve(".data"), ports.get(0), ports.get(1), ports.get(2),
                    ports.get(3), EngineSettings.SUITE_DATABASES);

            int exitCode = launcher(settings, new SuiteLayout(List.of())).run("engines");

            assertEquals(2, exitCode);
            assertEquals("Port " + ports.get(0) + " (PostgreSQL) is already in use; stop what uses it or run ./dev down"
                    + System.lineSeparator(), printed());
        }
    }

    @Test
    void everyBusyPortGetsItsOwnLine() throws Exception {
        List<Integer> ports = FreePorts.take(2);
        try (ServerSocket kafka = new ServerSocket(ports.get(0)); ServerSocket gateway = new ServerSocket(ports.get(1))) {
            PortGuard.PortInUseException refused = org.junit.jupiter.api.Assertions.assertThrows(PortGuard.PortInUseException.class,
                    () -> PortGuard.requireFree(List.of(new NamedPort(ports.get(0), "Kafka"), new NamedPort(ports.get(1), "gateway"))));

            assertEquals(List.of(
                    "Port " + ports.get(0) + " (Kafka) is already in use; stop what uses it or run ./dev down",
                    "Port " + ports.get(1) + " (gateway) is already in use; stop what uses it or run ./dev down"), refused.lines());
        }
    }

    @Test
    void upWithoutAPackagedServiceAsksForABuild() {
        Workspace workspace = new Workspace(root);
        EngineSettings settings = EngineSettings.local(workspace.dataDir());
        ServiceSpec discovery = new ServiceSpec("discovery", 8761, "/actuator/health", workspace.jarOf("discovery"), Map.of());

        int exitCode = launcher(settings, new SuiteLayout(List.of(discovery))).run("up");

        assertEquals(2, exitCode);
        assertEquals("Missing discovery/target/discovery-" + Workspace.suiteVersion() + ".jar; build it with ./dev build"
                + System.lineSeparator(), printed());
    }

    @Test
    void statusOfAStoppedSuiteSaysNothingRuns() {
        Workspace workspace = new Workspace(root);
        EngineSettings settings = EngineSettings.local(workspace.dataDir());

        int exitCode = launcher(settings, SuiteLayout.standard(workspace, settings)).run("status");

        assertEquals(3, exitCode);
        assertTrue(printed().contains("Nothing is running; ./dev up starts the suite."));
    }

    private Launcher launcher(EngineSettings settings, SuiteLayout layout) {
        return new Launcher(new Workspace(root), settings, layout, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
