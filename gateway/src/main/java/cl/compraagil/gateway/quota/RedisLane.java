package cl.compraagil.gateway.quota;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
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
 * <p>Calls written while the loop handles one batch of ready connections go out in one flush, after the batch:
 * under load several requests share one system call to Redis, and their replies come back in one read.
 *
 * <p>A call that gets no answer within the time-out fails, and the connection is dropped, since a Redis that
 * stopped answering one call is not answering the ones behind it either. One timer per lane checks the oldest
 * call, so a call fails between one and one and a quarter time-outs after it was sent, and no call schedules (and
 * cancels) a timer of its own. While the connection is down calls fail at once; a new connection is tried on the
 * next call, at most once per {@code retryAfter}.
 */
final class RedisLane {

    /** Calls allowed to wait for a connection being opened; more fail at once. */
    private static final int MAX_WAITING = 4096;

    private final EventLoop loop;
    private final Class<? extends Channel> channelType;
    private final RedisLanes.Endpoint endpoint;
    private final ArrayDeque<Call> waiting = new ArrayDeque<>();
    private final long timeoutNanos;
    private final Runnable flush = this::flush;
    private final Runnable checkDeadlines = this::checkDeadlines;
    private Channel channel;
    private Replies replies;
    private boolean connecting;
    private boolean backingOff;
    private long retryAt;
    private Channel unflushed;
    private boolean checkScheduled;

    RedisLane(EventLoop loop, Class<? extends Channel> channelType, RedisLanes.Endpoint endpoint) {
        this.loop = loop;
        this.channelType = channelType;
        this.endpoint = endpoint;
        this.timeoutNanos = endpoint.timeout().toNanos();
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
        call.deadline = System.nanoTime() + timeoutNanos;
        waiting.add(call);
        scheduleCheck();
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
                write(call);
            }
        });
    }

    private void write(Call call) {
        Channel target = channel;
        call.deadline = System.nanoTime() + timeoutNanos;
        replies.inFlight.add(call);
        target.write(Resp.command(target.alloc(), call.command), target.voidPromise());
        if (unflushed == null) {
            unflushed = target;
            // runs once the loop has handled the connections that were ready with this one
            loop.execute(flush);
        }
        scheduleCheck();
    }

    private void flush() {
        Channel target = unflushed;
        unflushed = null;
        target.flush();
        Channel current = channel;
        if (current != null && current != target) {
            // a new connection was opened after the old one had written
            current.flush();
        }
    }

    private void scheduleCheck() {
        if (!checkScheduled) {
            checkScheduled = true;
            loop.schedule(checkDeadlines, Math.max(1, timeoutNanos / 4), TimeUnit.NANOSECONDS);
        }
    }

    /** Fails the calls past their deadline: the oldest waiting ones, or all in flight once the oldest is late. */
    private void checkDeadlines() {
        checkScheduled = false;
        long now = System.nanoTime();
        while (!waiting.isEmpty() && now - waiting.peek().deadline >= 0) {
            waiting.poll().fail(new RedisUnavailableException("no Redis connection within " + endpoint.timeout()));
        }
        Replies current = replies;
        Call oldest = current == null ? null : current.inFlight.peek();
        if (oldest != null && now - oldest.deadline >= 0) {
            // the replies behind this one are just as late: start over on a new connection (which fails them)
            Channel late = channel;
            oldest.fail(new RedisUnavailableException("Redis did not answer within " + endpoint.timeout()));
            late.close();
        }
        if (!waiting.isEmpty() || current != null && !current.inFlight.isEmpty()) {
            scheduleCheck();
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
        long deadline;
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
