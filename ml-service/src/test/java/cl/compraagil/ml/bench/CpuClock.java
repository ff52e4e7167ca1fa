package cl.compraagil.ml.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CPU seconds spent by this JVM and by the embedded PostgreSQL (its postmaster's child processes, from
 * /proc), between start and stop: a measure that shared-machine load does not inflate as it does wall clock.
 */
final class CpuClock {

    private static final double TICKS_PER_SECOND = 100.0;

    private final long postmaster;
    private final double postgresStart;
    private final double jvmStart;

    record Used(double postgres, double jvm) {
        double total() {
            return postgres + jvm;
        }
    }

    private CpuClock(long postmaster) {
        this.postmaster = postmaster;
        this.postgresStart = postgresSeconds(postmaster);
        this.jvmStart = jvmSeconds();
    }

    static CpuClock start(JdbcClient jdbc) {
        long backend = jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
        return new CpuClock(Long.parseLong(stat(backend)[1]));
    }

    Used stop() {
        return new Used(postgresSeconds(postmaster) - postgresStart, jvmSeconds() - jvmStart);
    }

    private static double jvmSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static double postgresSeconds(long postmaster) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToDouble(p -> {
                        String[] fields = stat(Long.parseLong(p.getFileName().toString()));
                        boolean ours = fields.length > 13 && (Long.parseLong(fields[1]) == postmaster
                                || p.getFileName().toString().equals(Long.toString(postmaster)));
                        return ours ? (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND : 0;
                    }).sum();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Fields of /proc/pid/stat after the command name: [0] state, [1] ppid, ..., [11] utime, [12] stime. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return new String[0];
        }
    }
}
