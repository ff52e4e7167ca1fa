package cl.compraagil.gateway.quota;

import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * The Netty event loop that owns a request's connection, as a Reactor scheduler. The Redis client answers on
 * its own single I/O thread; continuing the request there would run every request's proxying on that one
 * thread (delaying other Redis replies into time-outs under load) and send each call to the service and each
 * answer to the client across threads. Back on its own loop, the request reuses a connection of that loop to
 * the service and writes the answer without another hand-off.
 */
final class ConnectionLoop {

    private static final Map<EventLoop, Scheduler> SCHEDULERS = new ConcurrentHashMap<>();

    private ConnectionLoop() {
    }

    static Scheduler of(ServerWebExchange exchange) {
        Object nativeRequest;
        try {
            nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        } catch (IllegalArgumentException notNetty) {
            return Schedulers.immediate();
        }
        if (nativeRequest instanceof Connection connection) {
            return SCHEDULERS.computeIfAbsent(connection.channel().eventLoop(), Schedulers::fromExecutor);
        }
        return Schedulers.immediate();
    }
}
