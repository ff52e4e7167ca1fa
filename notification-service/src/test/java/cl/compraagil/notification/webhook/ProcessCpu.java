package cl.compraagil.notification.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time (user + system) of processes read from {@code /proc/<pid>/stat}, for benchmarks on a shared machine where
 * wall-clock figures are noise but CPU seconds per operation are steady. Linux only; clock ticks of 10 ms.
 */
final class ProcessCpu {

    private static final double MILLIS_PER_TICK = 10.0;

    private ProcessCpu() {
    }

    /** CPU milliseconds used so far by one process (all its threads). */
    static double millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // the command name (field 2) may contain spaces: fields are counted after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended between listing and reading
        }
    }

    /** CPU milliseconds of each thread of a process, summed by thread name with digits folded ("C2 CompilerThreadN"). */
    static Map<String, Double> threads(long pid) {
        Map<String, Double> byName = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double millis = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
                    byName.merge(name, millis, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return byName;
    }

    /** CPU milliseconds of a process and of each of its live descendants, by pid. */
    static Map<Long, Double> tree(long rootPid) {
        Map<Long, Double> byPid = new HashMap<>();
        byPid.put(rootPid, millis(rootPid));
        ProcessHandle.of(rootPid).ifPresent(root -> root.descendants()
                .forEach(child -> byPid.put(child.pid(), millis(child.pid()))));
        return byPid;
    }

    /** CPU milliseconds a process tree used between two snapshots; processes that appeared in between count from 0. */
    static double delta(Map<Long, Double> before, Map<Long, Double> after) {
        return after.entrySet().stream().mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0)).sum();
    }

    /** The PostgreSQL postmaster listening on a port: the {@code postgres} process whose arguments carry {@code -p PORT}. */
    static long postmaster(int port) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> isPostmaster(p, port)).mapToLong(p -> Long.parseLong(p.getFileName().toString()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No postgres process on port " + port));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isPostmaster(Path process, int port) {
        try {
            String[] argv = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).split("\0");
            if (argv.length == 0 || !argv[0].endsWith("postgres")) {
                return false;
            }
            for (int i = 1; i < argv.length - 1; i++) {
                if (argv[i].equals("-p") && argv[i + 1].equals(Integer.toString(port))) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
