package cl.compraagil.gateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.uring.IoUringIoHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.HttpResources;

/**
 * Which kernel interface the gateway's event loops wait on, as {@code gateway.event.loops{transport}} (the number
 * of loops) and one line in the log at start.
 *
 * <p>The server, the proxy's client and the limiter's Redis connections share Reactor Netty's loops. With
 * {@code netty-transport-native-io_uring} on the class path Reactor Netty picks io_uring where the kernel offers it:
 * each loop turn submits the turn's reads and writes and waits for their completions in one system call, where epoll
 * needs one call to wait and one per read, write and interest change. At the bench's half load that was about 10 %
 * less gateway CPU per request and a lower p99 in most windows (docs/benchmarks/gateway.md, "Session 11"). Where the
 * kernel refuses io_uring (too old, or io_uring blocked by a container's seccomp profile, as Docker's default profile
 * does) Reactor Netty falls back to epoll on its own, and this metric says so.
 */
@Configuration(proxyBeanMethods = false)
class EventLoopTransport {

    private static final Logger log = LoggerFactory.getLogger(EventLoopTransport.class);

    private static final Map<Class<? extends IoHandler>, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(IoUringIoHandler.class, "io_uring");
        NAMES.put(EpollIoHandler.class, "epoll");
        NAMES.put(NioIoHandler.class, "nio");
    }

    /** The transport of the loops Reactor Netty serves HTTP on: {@code io_uring}, {@code epoll}, {@code nio}. */
    static String of(EventLoopGroup loops) {
        if (loops instanceof IoEventLoopGroup io) {
            for (Map.Entry<Class<? extends IoHandler>, String> known : NAMES.entrySet()) {
                if (io.isIoType(known.getKey())) {
                    return known.getValue();
                }
            }
        }
        return "other";
    }

    @Bean
    MeterBinder eventLoopTransportMetrics() {
        return registry -> {
            EventLoopGroup loops = HttpResources.get().onServer(true);
            String transport = of(loops);
            long count = StreamSupport.stream(loops.spliterator(), false).count();
            log.info("Serving on {} {} event loops", count, transport);
            Gauge.builder("gateway.event.loops", () -> count)
                    .tag("transport", transport)
                    .description("Event loops serving HTTP, by the kernel interface they wait on")
                    .register(registry);
        };
    }
}
