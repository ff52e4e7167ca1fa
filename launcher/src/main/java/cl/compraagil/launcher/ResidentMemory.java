package cl.compraagil.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Resident memory (VmRSS) of processes as Linux reports it under /proc; zero where /proc does not exist. */
public final class ResidentMemory {

    private ResidentMemory() {
    }

    public static long of(ProcessHandle process) {
        return kilobytes(process, "status", "VmRSS:") * 1024;
    }

    /**
     * Proportional set size: shared pages split between the processes sharing them. PostgreSQL's backends all map
     * its shared buffers, so their summed RSS counts those several times; their summed PSS does not.
     */
    public static long proportionalOf(ProcessHandle process) {
        return kilobytes(process, "smaps_rollup", "Pss:") * 1024;
    }

    /** The process and all its descendants, such as PostgreSQL's postmaster and its backends. */
    public static long ofTree(ProcessHandle process) {
        return of(process) + process.descendants().mapToLong(ResidentMemory::of).sum();
    }

    public static long proportionalOfTree(ProcessHandle process) {
        return proportionalOf(process) + process.descendants().mapToLong(ResidentMemory::proportionalOf).sum();
    }

    private static long kilobytes(ProcessHandle process, String file, String field) {
        Path path = Path.of("/proc", String.valueOf(process.pid()), file);
        try {
            return Files.readAllLines(path).stream()
                    .filter(line -> line.startsWith(field))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            // the process ended between listing and reading, or this is not Linux
            return 0;
        }
    }

    public static String format(long bytes) {
        double megabytes = bytes / (1024.0 * 1024.0);
        return megabytes >= 1024
                ? String.format(Locale.ROOT, "%.2f GB", megabytes / 1024)
                : String.format(Locale.ROOT, "%.0f MB", megabytes);
    }
}
