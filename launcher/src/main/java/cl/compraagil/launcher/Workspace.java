package cl.compraagil.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where a local run keeps its things: engine data under {@code .data/}, pid files and logs under {@code .run/},
 * and the packaged service jars under {@code <module>/target/}. Both folders are ignored by git.
 */
public record Workspace(Path root) {

    public Workspace {
        root = root.toAbsolutePath().normalize();
    }

    /** The project checkout the launcher was started from (the {@code dev} script starts it in the root). */
    public static Workspace current() {
        return new Workspace(Path.of(System.getProperty("compraagil.root", "")));
    }

    public Path dataDir() {
        return root.resolve(".data");
    }

    public Path runDir() {
        return root.resolve(".run");
    }

    public Path logsDir() {
        return runDir().resolve("logs");
    }

    public Path pidsDir() {
        return runDir().resolve("pids");
    }

    /** Pid of the launcher itself, so {@code ./dev down} can ask it to stop everything in order. */
    public Path launcherPidFile() {
        return runDir().resolve("dev.pid");
    }

    /** Written once every service is ready; {@code ./dev up -d} waits for it. */
    public Path readyMarker() {
        return runDir().resolve("ready");
    }

    public Path pidFile(String component) {
        return pidsDir().resolve(component + ".pid");
    }

    public Path logFile(String component) {
        return logsDir().resolve(component + ".log");
    }

    public boolean hasModule(String module) {
        return Files.isRegularFile(root.resolve(module).resolve("pom.xml"));
    }

    public Path jarOf(String module) {
        return root.resolve(module).resolve("target").resolve(module + "-" + suiteVersion() + ".jar");
    }

    public void createRunFolders() {
        try {
            Files.createDirectories(logsDir());
            Files.createDirectories(pidsDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + runDir(), e);
        }
    }

    static String suiteVersion() {
        try (InputStream in = Workspace.class.getResourceAsStream("/launcher.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("suite.version");
        } catch (IOException e) {
            throw new UncheckedIOException("launcher.properties is missing from the launcher jar", e);
        }
    }
}
