package cl.compraagil.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool the deployment tests drive (kubectl, docker-compose). A missing tool fails the test with the
 * way to install it: the manifests are never reported as checked when they were not.
 */
record ExternalTool(String executable, String installHint) {

    static final ExternalTool KUBECTL = new ExternalTool("kubectl",
            "install kubectl (https://kubernetes.io/docs/tasks/tools/), which bundles kustomize");
    static final ExternalTool DOCKER_COMPOSE = new ExternalTool("docker-compose",
            "install Debian's validator with: apt-get update && apt-get install -y --no-install-recommends docker-compose");

    record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs the tool without the given variables of this JVM's environment, so a developer's shell can't leak in. */
    Result run(Path workingDirectory, Collection<String> unsetVariables, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().keySet().removeAll(unsetVariables);
        Process process = start(builder);
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(executable + " did not finish within 2 minutes: " + command);
            }
            return new Result(process.exitValue(), stdout.join(), stderr.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    Result run(Path workingDirectory, String... arguments) {
        return run(workingDirectory, List.of(), arguments);
    }

    private Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            return fail(executable + " is required by the deployment tests but could not be started ("
                    + e.getMessage() + "): " + installHint);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
