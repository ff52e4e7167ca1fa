package cl.compraagil.gateway.routing;

import io.netty.resolver.AddressResolverGroup;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.TransportConfig;

/**
 * Connection pools to the services, one per event loop: a request served on a loop gets a connection owned by
 * that loop, so the request to the service and its answer never cross threads. One shared pool hands out
 * whichever idle connection comes first, whatever loop owns it; then the request is written through a task queued
 * to the other loop (and a wake-up), and the answer comes back the same way. New connections are opened on the
 * asking loop already (Reactor Netty's colocation), so each pool's connections all belong to its loop. Threads that
 * are not event loops share one more pool. Each pool has the configured limits, so a service may see up to one
 * pool's worth of idle connections per loop.
 */
final class LoopAffineConnectionProvider implements ConnectionProvider {

    private final Supplier<ConnectionProvider> pools;
    private final ConnectionProvider shared;
    private final Map<Thread, ConnectionProvider> byLoop = new ConcurrentHashMap<>();

    LoopAffineConnectionProvider(Supplier<ConnectionProvider> pools) {
        this.pools = pools;
        this.shared = pools.get();
    }

    @Override
    public Mono<? extends Connection> acquire(TransportConfig config, ConnectionObserver observer,
            Supplier<? extends SocketAddress> remoteAddress, AddressResolverGroup<?> resolverGroup) {
        return poolOf(Thread.currentThread()).acquire(config, observer, remoteAddress, resolverGroup);
    }

    private ConnectionProvider poolOf(Thread thread) {
        ConnectionProvider pool = byLoop.get(thread);
        if (pool != null) {
            return pool;
        }
        return Schedulers.isNonBlockingThread(thread) ? byLoop.computeIfAbsent(thread, loop -> pools.get()) : shared;
    }

    @Override
    public int maxConnections() {
        return shared.maxConnections();
    }

    @Override
    public void dispose() {
        byLoop.values().forEach(ConnectionProvider::dispose);
        shared.dispose();
    }

    @Override
    public Mono<Void> disposeLater() {
        return Mono.when(byLoop.values().stream().map(ConnectionProvider::disposeLater).toList())
                .then(shared.disposeLater());
    }

    @Override
    public boolean isDisposed() {
        return shared.isDisposed();
    }
}
