package cl.compraagil.gateway.quota;

import cl.compraagil.gateway.support.NettyHeaders;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * The limiter's Redis connections: one per server event loop ({@link RedisLane}), so a request's limiter call
 * and its continuation stay on the thread that owns the request's connection. Requests that do not arrive
 * over Netty (tests with mock exchanges) share a lane on a small private loop.
 */
final class RedisLanes implements DisposableBean {

    /** Where Redis is and how to open a connection: the commands sent first (AUTH, SELECT), the time-outs. */
    record Endpoint(String host, int port, List<List<String>> handshake, Duration timeout, Duration retryAfter) {

        static Endpoint of(String host, int port, String username, String password, int database, Duration timeout) {
            List<List<String>> handshake = new ArrayList<>();
            if (password != null && !password.isEmpty()) {
                handshake.add(username == null || username.isEmpty() ? List.of("AUTH", password)
                        : List.of("AUTH", username, password));
            }
            if (database != 0) {
                handshake.add(List.of("SELECT", Integer.toString(database)));
            }
            return new Endpoint(host, port, List.copyOf(handshake), timeout, Duration.ofSeconds(1));
        }
    }

    /** A Lua script with its SHA-1, sent by hash and, when Redis has not seen it yet, once in full. */
    record Script(String text, String sha) {

        static Script of(String text) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
                return new Script(text, HexFormat.of().formatHex(digest));
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private final Endpoint endpoint;
    private final Map<EventLoop, RedisLane> lanes = new ConcurrentHashMap<>();
    private volatile EventLoopGroup privateLoop;

    RedisLanes(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Runs {@code script} on the lane of the exchange's event loop; the reply arrives on that loop. */
    Mono<Object> eval(ServerWebExchange exchange, Script script, List<String> keys, List<String> args) {
        return Mono.create(sink -> eval(exchange, script, keys, args, (reply, failure) -> {
            if (failure != null) {
                sink.error(failure);
            } else if (reply == null) {
                sink.success();
            } else {
                sink.success(reply);
            }
        }));
    }

    /**
     * Runs {@code script} on the lane of the exchange's event loop and calls {@code done} there with the reply
     * or the failure (a Redis error reply is a failure): the request path's form, with no reactive operator.
     */
    void eval(ServerWebExchange exchange, Script script, List<String> keys, List<String> args, Reply done) {
        RedisLane lane = laneFor(exchange);
        lane.send(evalsha(script, keys, args), (reply, failure) -> {
            if (failure == null && reply instanceof Resp.Error error && error.noScript()) {
                lane.send(eval(script, keys, args), (retried, again) -> finish(done, retried, again));
            } else {
                finish(done, reply, failure);
            }
        });
    }

    /** What a script call answers: a decoded reply, or a failure. */
    @FunctionalInterface
    interface Reply {
        void accept(Object reply, Throwable failure);
    }

    private static void finish(Reply done, Object reply, Throwable failure) {
        if (failure != null) {
            done.accept(null, failure);
        } else if (reply instanceof Resp.Error error) {
            done.accept(null, new IllegalStateException("Redis answered: " + error.message()));
        } else {
            done.accept(reply, null);
        }
    }

    private static List<String> evalsha(Script script, List<String> keys, List<String> args) {
        return command("EVALSHA", script.sha(), keys, args);
    }

    private static List<String> eval(Script script, List<String> keys, List<String> args) {
        return command("EVAL", script.text(), keys, args);
    }

    private static List<String> command(String name, String script, List<String> keys, List<String> args) {
        List<String> parts = new ArrayList<>(3 + keys.size() + args.size());
        parts.add(name);
        parts.add(script);
        parts.add(Integer.toString(keys.size()));
        parts.addAll(keys);
        parts.addAll(args);
        return parts;
    }

    private RedisLane laneFor(ServerWebExchange exchange) {
        Connection connection = NettyHeaders.servedBy(exchange.getRequest());
        Channel served = connection == null ? null : connection.channel();
        if (served != null) {
            return lanes.computeIfAbsent(served.eventLoop(), loop -> new RedisLane(loop, served.getClass(), endpoint));
        }
        EventLoop fallback = fallbackLoop();
        return lanes.computeIfAbsent(fallback, loop -> new RedisLane(loop, NioSocketChannel.class, endpoint));
    }

    private EventLoop fallbackLoop() {
        EventLoopGroup group = privateLoop;
        if (group == null) {
            synchronized (this) {
                group = privateLoop;
                if (group == null) {
                    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
                    privateLoop = group;
                }
            }
        }
        return group.next();
    }

    @Override
    public void destroy() {
        lanes.values().forEach(RedisLane::close);
        EventLoopGroup group = privateLoop;
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
