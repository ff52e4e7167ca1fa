package cl.compraagil.deploy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The gateway's heap as its JVM flags and its container's memory limit size it: the heap is the limit times
 * {@code -XX:MaxRAMPercentage}, the young generation is {@code -Xmn}, and the old generation is what is left.
 */
record GatewayHeap(long limitBytes, String javaToolOptions) {

    /** About four times the old generation's live data under load (44 MB), so full collections stay rare. */
    static final long MIN_OLD_GENERATION = 192L << 20;

    long heapBytes() {
        return Math.round(limitBytes * Double.parseDouble(flag("-XX:MaxRAMPercentage=").orElseThrow(
                () -> new IllegalStateException("no -XX:MaxRAMPercentage in " + javaToolOptions))) / 100);
    }

    Optional<Long> youngBytes() {
        return flag("-Xmn").map(GatewayHeap::bytes);
    }

    long oldBytes() {
        return heapBytes() - youngBytes().orElse(0L);
    }

    boolean collectsSerially() {
        return options().contains("-XX:+UseSerialGC");
    }

    /** A size as the JVM and docker-compose write it: bytes, or a number with k, m or g. */
    static long bytes(String size) {
        String lower = size.toLowerCase(Locale.ROOT);
        char unit = lower.charAt(lower.length() - 1);
        int shift = switch (unit) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        String number = shift == 0 ? lower : lower.substring(0, lower.length() - 1);
        return Long.parseLong(number) << shift;
    }

    private List<String> options() {
        return Arrays.asList(javaToolOptions.trim().split("\\s+"));
    }

    private Optional<String> flag(String prefix) {
        return options().stream()
                .filter(option -> option.startsWith(prefix))
                .reduce((first, last) -> last)
                .map(option -> option.substring(prefix.length()));
    }
}
