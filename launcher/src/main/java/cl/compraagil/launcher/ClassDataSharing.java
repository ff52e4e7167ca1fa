package cl.compraagil.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Faster service start-up as Spring Boot recommends it: each jar runs extracted under {@code .run/cds/<module>/}
 * (classes no longer come out of nested jars), and once {@link ArchiveTrainer} has written a class data sharing
 * archive for it, the JVM maps that archive instead of loading and verifying its classes one by one.
 */
final class ClassDataSharing {

    private static final String TOOLS_ENTRY = "BOOT-INF/lib/spring-boot-jarmode-tools-";

    private ClassDataSharing() {
    }

    /** Which jar starts a service, and its class archive: used when present, to be trained when not. */
    record Plan(Path jar, Path archive) {

        static Plan plain(Path jar) {
            return new Plan(jar, null);
        }

        boolean hasArchive() {
            return archive != null && Files.isRegularFile(archive);
        }

        boolean canTrain() {
            return archive != null && !hasArchive();
        }

        List<String> jvmFlags() {
            return hasArchive() ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
        }
    }

    static Plan prepare(ServiceSpec spec, Workspace workspace) throws IOException {
        if (!hasJarModeTools(spec.jar())) {
            return Plan.plain(spec.jar());
        }
        Path folder = workspace.runDir().resolve("cds").resolve(spec.module());
        Path stamp = folder.resolve("extracted-from");
        String source = spec.jar() + " " + Files.size(spec.jar()) + " " + Files.getLastModifiedTime(spec.jar()).toMillis();
        if (!Files.isRegularFile(stamp) || !Files.readString(stamp).equals(source)) {
            // a rebuilt jar invalidates both the extracted copy and the archive trained on it
            deleteRecursively(folder);
            if (!extract(spec.jar(), folder)) {
                // the service still starts, only from its jar as built; extract.log in the folder says why
                return Plan.plain(spec.jar());
            }
            Files.writeString(stamp, source);
        }
        // an archive only fits the JVM that wrote it, so a JDK update trains a new one
        String jvm = Runtime.version().toString().replaceAll("[^A-Za-z0-9.]", "_");
        return new Plan(folder.resolve(spec.jar().getFileName()), folder.resolve("classes-" + jvm + ".jsa"));
    }

    private static boolean hasJarModeTools(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(entry -> entry.getName().startsWith(TOOLS_ENTRY));
        }
    }

    private static boolean extract(Path jar, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path log = folder.resolve("extract.log");
        Process extraction = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djarmode=tools", "-jar", jar.toString(),
                "extract", "--force", "--destination", folder.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (extraction.waitFor(2, TimeUnit.MINUTES)) {
                return extraction.exitValue() == 0;
            }
            extraction.destroyForcibly();
            return false;
        } catch (InterruptedException e) {
            extraction.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while extracting " + jar, e);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
