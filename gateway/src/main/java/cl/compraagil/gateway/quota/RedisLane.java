package cl.compraagil.gateway.quota;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One Redis connection owned by one Netty event loop. Requests served by that loop write their limiter call
 * here without a thread hand-off, and the reply continues the request on the same thread; calls are
 * pipelined and answered in order. All state is touched only on the loop, so nothing is locked.
 *
 * <p>A call that gets no answer within the time-out fails, and the connection is dropped, since a Redis that
 * stopped answering one call is not answering the ones behind it either. While the connection is down calls
 * fail at once; a new connection is tried on the next call, at most once per {@code retryAfter}.
 */
final class RedisLane {

    /** Calls allowed to wait for a connection being opened; more fail at once. */
    private static final int MAX_WAITING = 4096;

    private final EventLoop loop;
    private final Class<? extends Channel> channelType;
    private final RedisLanes.Endpoint endpoint;
    private final ArrayDeque<Call> waiting = new ArrayDeque<>();
    private Channel channel;
    private Replies replies;
    private boolean connecting;
    private boolean backingOff;
    private long retryAt;

    RedisLane(EventLoop loop, Class<? extends Channel> channelType, RedisLanes.Endpoint endpoint) {
        this.loop = loop;
        this.channelType = channelType;
        this.endpoint = endpoint;
    }

    /** Sends {@code command}; {@code done} gets the reply or the failure, on this lane's loop. */
    void send(List<String> command, BiConsumer<Object, Throwable> done) {
        Call call = new Call(command, done);
        if (loop.inEventLoop()) {
            dispatch(call);
        } else {
            loop.execute(() -> dispatch(call));
        }
    }

    void close() {
        loop.execute(() -> {
            if (channel != null) {
                channel.close();
            }
        });
    }

    private void dispatch(Call call) {
        if (channel != null && channel.isActive()) {
            write(call);
            return;
        }
        if (!connecting) {
            if (backingOff && System.nanoTime() - retryAt < 0) {
                call.fail(new RedisUnavailableException("Redis was unreachable a moment ago"));
                return;
            }
            backingOff = false;
            connect();
        }
        if (waiting.size() >= MAX_WAITING) {
            call.fail(new RedisUnavailableException("too many calls waiting for the Redis connection"));
            return;
        }
        call.timeout = loop.schedule(() -> {
            if (waiting.remove(call)) {
                call.fail(new RedisUnavailableException("no Redis connection within " + endpoint.timeout()));
            }
        }, endpoint.timeout().toNanos(), TimeUnit.NANOSECONDS);
        waiting.add(call);
    }

    private void connect() {
        connecting = true;
        Replies opening = new Replies();
        ChannelFuture connected = new Bootstrap()
                .group(loop)
                .channel(channelType)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, endpoint.timeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel opened) {
                        opened.pipeline().addLast(new Resp.Decoder(), opening);
                    }
                })
                .connect(endpoint.host(), endpoint.port());
        connected.addListener(future -> {
            connecting = false;
            if (!future.isSuccess()) {
                backingOff = true;
                retryAt = System.nanoTime() + endpoint.retryAfter().toNanos();
                failWaiting(new RedisUnavailableException("cannot connect to Redis", future.cause()));
                return;
            }
            channel = connected.channel();
            replies = opening;
            for (List<String> handshake : endpoint.handshake()) {
                write(new Call(handshake, (reply, failure) -> {
                    if (failure != null || reply instanceof Resp.Error) {
                        channel.close();
                    }
                }));
            }
            List<Call> ready = new ArrayList<>(waiting);
            waiting.clear();
            for (Call call : ready) {
                if (call.timeout != null) {
                    call.timeout.cancel(false);
                }
                write(call);
            }
        });
    }

    private void write(Call call) {
        Channel target = channel;
        replies.inFlight.add(call);
        call.timeout = loop.schedule(() -> timedOut(target, call), endpoint.timeout().toNanos(), TimeUnit.NANOSECONDS);
        target.writeAndFlush(Resp.command(target.alloc(), call.command), target.voidPromise());
    }

    private void timedOut(Channel target, Call call) {
        if (call.finished) {
            return;
        }
        // the replies behind this one are just as late: start over on a new connection
        target.close();
        if (!call.finished) {
            call.fail(new RedisUnavailableException("Redis did not answer within " + endpoint.timeout()));
        }
    }

    private void failWaiting(Throwable failure) {
        List<Call> failed = new ArrayList<>(waiting);
        waiting.clear();
        for (Call call : failed) {
            call.fail(failure);
        }
    }

    /** Matches one connection's replies to its calls in order, and fails those still open when it ends. */
    private final class Replies extends SimpleChannelInboundHandler<Object> {

        private final ArrayDeque<Call> inFlight = new ArrayDeque<>();

        @Override
        protected void channelRead0(ChannelHandlerContext context, Object reply) {
            Call call = inFlight.poll();
            if (call != null) {
                call.complete(reply == Resp.Decoder.NIL ? null : reply);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            if (channel == context.channel()) {
                channel = null;
                replies = null;
            }
            List<Call> open = new ArrayList<>(inFlight);
            inFlight.clear();
            for (Call call : open) {
                call.fail(new RedisUnavailableException("the Redis connection closed"));
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            context.close();
        }
    }

    private static final class Call {
        final List<String> command;
        final BiConsumer<Object, Throwable> done;
        ScheduledFuture<?> timeout;
        boolean finished;

        Call(List<String> command, BiConsumer<Object, Throwable> done) {
            this.command = command;
            this.done = done;
        }

        void complete(Object reply) {
            if (finish()) {
                done.accept(reply, null);
            }
        }

        void fail(Throwable failure) {
            if (finish()) {
                done.accept(null, failure);
            }
        }

        private boolean finish() {
            if (finished) {
                return false;
            }
            finished = true;
            if (timeout != null) {
                timeout.cancel(false);
            }
            return true;
        }
    }

    /** Redis could not be asked: refused, closed, or silent past the time-out. */
    static final class RedisUnavailableException extends RuntimeException {
        RedisUnavailableException(String message) {
            super(message, null, false, false);
        }

        RedisUnavailableException(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
