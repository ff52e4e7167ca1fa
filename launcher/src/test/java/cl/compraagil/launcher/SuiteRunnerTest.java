package cl.compraagil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteRunnerTest {

    @TempDir
    Path root;

    @Test
    void aWaveIsReadyWhenEveryServiceAnswersItsReadinessPathAndStopsWithTheRunner() throws Exception {
        Workspace workspace = new Workspace(root);
        List<Integer> ports = FreePorts.take(2);
        ServiceSpec first = spec(workspace, "first-service", ports.get(0)).withEnvironment("DB_URL", "jdbc:postgresql://db");
        ServiceSpec second = spec(workspace, "second-service", ports.get(1));
        List<String> readyInOrder = new ArrayList<>();

        List<ServiceProcess> wave;
        try (SuiteRunner runner = new SuiteRunner(workspace, options(), service -> readyInOrder.add(service.spec().module()))) {
            wave = runner.startAndAwait(List.of(first, second));

            assertEquals(2, readyInOrder.size());
            assertTrue(wave.stream().allMatch(service -> service.readyAfter().isPresent() && service.isAlive()));
            assertTrue(Files.readString(workspace.pidFile("first-service")).startsWith(String.valueOf(wave.get(0).pid())));
            assertTrue(String.join("\n", wave.get(0).logTail(5)).contains("DB_URL=jdbc:postgresql://db"));
        }

        assertTrue(wave.stream().noneMatch(ServiceProcess::isAlive));
        assertFalse(Files.exists(workspace.pidFile("first-service")));
        assertTrue(Files.readString(workspace.logFile("second-service")).contains("fake service stopping"));
    }

    @Test
    void aServiceThatDiesWhileStartingFailsTheWaveWithItsLog() throws Exception {
        Workspace workspace = new Workspace(root);
        ServiceSpec failing = spec(workspace, "failing-service", FreePorts.take(1).get(0)).withEnvironment("FAKE_SERVICE_FAIL", "1");

        try (SuiteRunner runner = new SuiteRunner(workspace, options(), service -> { })) {
            ServiceFailedException failure = assertThrows(ServiceFailedException.class, () -> runner.startAndAwait(List.of(failing)));

            assertEquals("failing-service exited with code 3 while starting", failure.getMessage());
            assertEquals(List.of("boom: cannot connect to the database"), failure.process().logTail(20));
        }
    }

    @Test
    void aServiceThatNeverAnswersFailsTheWaveAtTheTimeout() throws Exception {
        Workspace workspace = new Workspace(root);
        ServiceSpec deaf = new ServiceSpec("deaf-service", FreePorts.take(1).get(0), "/not-there",
                FakeServiceJar.writeFor(workspace, "deaf-service"), Map.of());

        try (SuiteRunner runner = new SuiteRunner(workspace, options().withReadinessTimeout(Duration.ofSeconds(3)), service -> { })) {
            ServiceFailedException failure = assertThrows(ServiceFailedException.class, () -> runner.startAndAwait(List.of(deaf)));

            assertEquals("deaf-service was not ready after 3 s", failure.getMessage());
        }
    }

    @Test
    void routesAreAwaitedUntilTheGatewayAnswersForEachService() throws Exception {
        try (SuiteRunner runner = startedWithGateway("3000", "first-service", options())) {
            ReadinessProbe probe = new ReadinessProbe();
            URI route = URI.create("http://127.0.0.1:" + runner.services().get(0).spec().port() + SuiteRunner.ROUTE_PROBE + "first-service");
            assertFalse(probe.answers(route), "the fake gateway does not route yet when the wave is ready");

            assertTrue(runner.awaitGatewayRoutes());

            assertTrue(probe.answers(route));
        }
    }

    @Test
    void aServiceTheGatewayNeverRoutesFailsAtTheTimeout() throws Exception {
        try (SuiteRunner runner = startedWithGateway("-1", "lost-service", options().withReadinessTimeout(Duration.ofSeconds(2)))) {
            ServiceFailedException failure = assertThrows(ServiceFailedException.class, runner::awaitGatewayRoutes);

            assertEquals("lost-service was not routed by the gateway after 2 s", failure.getMessage());
        }
    }

    /** A fake gateway that routes {@code routesAfterMs} after it is ready (never at -1), and one service, both ready. */
    private SuiteRunner startedWithGateway(String routesAfterMs, String service, LaunchOptions options) throws Exception {
        Workspace workspace = new Workspace(root);
        List<Integer> ports = FreePorts.take(2);
        SuiteRunner runner = new SuiteRunner(workspace, options, ready -> { });
        try {
            runner.startAndAwait(List.of(
                    spec(workspace, SuiteLayout.GATEWAY, ports.get(0)).withEnvironment("FAKE_ROUTES_AFTER_MS", routesAfterMs),
                    spec(workspace, service, ports.get(1))));
            return runner;
        } catch (Exception e) {
            runner.close();
            throw e;
        }
    }

    private static ServiceSpec spec(Workspace workspace, String module, int port) throws Exception {
        return new ServiceSpec(module, port, "/actuator/health/readiness", FakeServiceJar.writeFor(workspace, module), Map.of());
    }

    private static LaunchOptions options() {
        return LaunchOptions.local(Map.of());
    }
}
