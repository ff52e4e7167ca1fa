package cl.compraagil.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.resolver.AddressResolverGroup;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.TransportConfig;

class LoopAffineConnectionProviderTest {

    private final List<ConnectionProvider> created = new ArrayList<>();
    /** For each pool (by creation order), the threads that acquired from it. */
    private final Map<Integer, Set<String>> askedBy = new ConcurrentHashMap<>();

    @Test
    void eachEventLoopThreadGetsItsOwnPoolAndOtherThreadsShareOne() throws Exception {
        LoopAffineConnectionProvider provider = new LoopAffineConnectionProvider(this::pool);
        Scheduler loops = Schedulers.newParallel("loop", 2);
        try {
            Scheduler.Worker first = loops.createWorker();
            Scheduler.Worker second = loops.createWorker();
            CountDownLatch done = new CountDownLatch(8);
            for (int round = 0; round < 4; round++) {
                for (Scheduler.Worker worker : List.of(first, second)) {
                    worker.schedule(() -> {
                        provider.acquire(null, null, null, null);
                        done.countDown();
                    });
                }
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            Thread plain = new Thread(() -> provider.acquire(null, null, null, null), "plain");
            plain.start();
            plain.join();
            provider.acquire(null, null, null, null);
        } finally {
            loops.dispose();
        }
        // the shared pool (created first) and one per loop thread, each used by exactly one loop thread
        assertThat(created).hasSize(3);
        assertThat(askedBy.get(0)).containsExactlyInAnyOrder("plain", Thread.currentThread().getName());
        assertThat(askedBy.get(1)).hasSize(1).allMatch(name -> name.startsWith("loop"));
        assertThat(askedBy.get(2)).hasSize(1).allMatch(name -> name.startsWith("loop"));
        assertThat(askedBy.get(1)).doesNotContainAnyElementsOf(askedBy.get(2));
        provider.dispose();
        assertThat(created).allMatch(ConnectionProvider::isDisposed);
    }

    private synchronized ConnectionProvider pool() {
        int index = created.size();
        ConnectionProvider pool = new ConnectionProvider() {
            private volatile boolean disposed;

            @Override
            public Mono<? extends Connection> acquire(TransportConfig config, ConnectionObserver observer,
                    Supplier<? extends SocketAddress> remoteAddress, AddressResolverGroup<?> resolverGroup) {
                askedBy.computeIfAbsent(index, key -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread().getName());
                return Mono.empty();
            }

            @Override
            public void dispose() {
                disposed = true;
            }

            @Override
            public boolean isDisposed() {
                return disposed;
            }
        };
        created.add(pool);
        return pool;
    }
}
