package cl.compraagil.gateway;

import io.netty.channel.uring.IoUring;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * How many event loops Reactor Netty gives the gateway: one per available core when the loops will run on io_uring,
 * instead of Reactor Netty's default of at least four.
 *
 * <p>An io_uring loop submits a whole turn's reads and writes in one system call, so a loop that finds more work per
 * turn costs less per request; four loops on two cores mostly wake for one completion each and take turns on the
 * cores. At the bench's fixed rates on two cores, two loops against four cost 13–18 % less CPU per request and gave a
 * lower p99 in five of six alternated windows (docs/benchmarks/gateway.md, "Session 14"). On epoll the evidence is
 * split (session 10 measured a worse p99 with two loops, session 14 a better one), so there Reactor Netty's default
 * stays. {@code availableProcessors} follows a container's CPU limit. An operator's own
 * {@code -Dreactor.netty.ioWorkerCount} always wins.
 */
final class EventLoopCount {

    /** Reactor Netty's setting for the number of its event loops, read once when its loop resources load. */
    static final String PROPERTY = "reactor.netty.ioWorkerCount";

    /** Reactor Netty's switch for native transports (io_uring, epoll); {@code true} unless set. */
    static final String NATIVE = "reactor.netty.native";

    private EventLoopCount() {}

    /** Sets {@link #PROPERTY} when it is unset and the loops will run on io_uring; call before Reactor Netty loads. */
    static void apply() {
        choose(System.getProperty(PROPERTY), System.getProperty(NATIVE), IoUring::isAvailable,
                        Runtime.getRuntime().availableProcessors())
                .ifPresent(count -> System.setProperty(PROPERTY, Integer.toString(count)));
    }

    /**
     * The loop count to set, or empty to leave Reactor Netty's choice.
     *
     * @param configured the operator's {@code reactor.netty.ioWorkerCount}, or {@code null}
     * @param nativeSetting the operator's {@code reactor.netty.native}, or {@code null}
     * @param ioUring whether the kernel offers io_uring to this process; asked only when the answer matters, since
     *     asking loads Netty's io_uring library and opens a probe ring, which an operator who set the count or turned
     *     native transports off did not ask for
     * @param cores the processors available to the JVM
     */
    static Optional<Integer> choose(String configured, String nativeSetting, BooleanSupplier ioUring, int cores) {
        boolean nativeTransport = nativeSetting == null || Boolean.parseBoolean(nativeSetting);
        if (configured != null || !nativeTransport || !ioUring.getAsBoolean()) {
            return Optional.empty();
        }
        return Optional.of(Math.max(1, cores));
    }
}
