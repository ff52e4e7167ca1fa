package cl.compraagil.gateway.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.compraagil.testkit.EmbeddedEngines;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import redis.embedded.RedisServer;

/** The limiter's own Redis connections against a real Redis, a silent server and a closed port. */
class RedisLanesTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final ServerWebExchange EXCHANGE = MockServerWebExchange.from(MockServerHttpRequest.get("/"));

    @Test
    void runsAScriptRedisHasNotSeenByLoadingItOnceThenByHash() {
        // a script text no other test uses, so Redis cannot have it cached
        String marker = UUID.randomUUID().toString();
        RedisLanes.Script script = RedisLanes.Script.of(
                "redis.call('INCRBY', KEYS[1], ARGV[1]); return {redis.call('GET', KEYS[1]), '" + marker + "', 7}");
        RedisLanes lanes = lanes(EmbeddedEngines.redisPort(), null);
        try {
            String key = "lanes-test:" + marker;
            Object first = lanes.eval(EXCHANGE, script, List.of(key), List.of("2")).block(Duration.ofSeconds(5));
            Object second = lanes.eval(EXCHANGE, script, List.of(key), List.of("3")).block(Duration.ofSeconds(5));

            assertThat(first).isEqualTo(List.of("2", marker, 7L));
            assertThat(second).isEqualTo(List.of("5", marker, 7L));
        } finally {
            lanes.destroy();
        }
    }

    @Test
    void manyConcurrentCallsArePipelinedAndEachGetsItsOwnReply() {
        RedisLanes.Script script = RedisLanes.Script.of("return redis.call('INCR', KEYS[1])");
        // a loaded test machine may take longer than the production time-out for 500 calls at once
        RedisLanes lanes = new RedisLanes(RedisLanes.Endpoint.of("127.0.0.1", EmbeddedEngines.redisPort(), null, null, 0,
                Duration.ofSeconds(3)));
        try {
            String key = "lanes-test:" + UUID.randomUUID();
            List<Object> replies = Flux.range(0, 500)
                    .flatMap(i -> lanes.eval(EXCHANGE, script, List.of(key), List.of()), 500)
                    .collectList().block(Duration.ofSeconds(10));

            assertThat(replies).hasSize(500).doesNotHaveDuplicates();
            assertThat(replies.stream().mapToLong(reply -> (Long) reply).max().orElseThrow()).isEqualTo(500L);
        } finally {
            lanes.destroy();
        }
    }

    @Test
    void authenticatesWhenRedisRequiresAPassword() throws IOException {
        int port = EmbeddedEngines.freePort();
        RedisServer secured = RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1")
                .setting("requirepass s3cr3t-limiter").build();
        secured.start();
        RedisLanes right = lanes(port, "s3cr3t-limiter");
        RedisLanes wrong = lanes(port, "not-the-password");
        try {
            RedisLanes.Script script = RedisLanes.Script.of("return 'pong'");
            assertThat(right.eval(EXCHANGE, script, List.of(), List.of()).block(Duration.ofSeconds(5))).isEqualTo("pong");
            assertThatThrownBy(() -> wrong.eval(EXCHANGE, script, List.of(), List.of()).block(Duration.ofSeconds(5)))
                    .isNotNull();
        } finally {
            right.destroy();
            wrong.destroy();
            secured.stop();
        }
    }

    @Test
    void aRedisThatAcceptsButNeverAnswersFailsEachCallWithinTheTimeOut() throws IOException {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            RedisLanes lanes = lanes(silent.getLocalPort(), null);
            try {
                RedisLanes.Script script = RedisLanes.Script.of("return 1");
                for (int i = 0; i < 3; i++) {
                    long started = System.nanoTime();
                    assertThatThrownBy(() -> lanes.eval(EXCHANGE, script, List.of(), List.of()).block(Duration.ofSeconds(5)))
                            .isInstanceOf(RedisLane.RedisUnavailableException.class);
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
                }
            } finally {
                lanes.destroy();
                acceptor.interrupt();
                for (Socket socket : accepted) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aClosedPortFailsAtOnceAndIsNotRetriedOnEveryCall() {
        RedisLanes lanes = lanes(EmbeddedEngines.freePort(), null);
        try {
            RedisLanes.Script script = RedisLanes.Script.of("return 1");
            assertThatThrownBy(() -> lanes.eval(EXCHANGE, script, List.of(), List.of()).block(Duration.ofSeconds(5)))
                    .isInstanceOf(RedisLane.RedisUnavailableException.class);
            long started = System.nanoTime();
            assertThatThrownBy(() -> lanes.eval(EXCHANGE, script, List.of(), List.of()).block(Duration.ofSeconds(5)))
                    .hasMessageContaining("a moment ago");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
        } finally {
            lanes.destroy();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void repliesSplitAcrossReadsAndNestedArraysAreDecoded() {
        EmbeddedChannel channel = new EmbeddedChannel(new Resp.Decoder());
        // "hólá" is 6 bytes in UTF-8; every byte arrives in a read of its own
        byte[] bytes = "*4\r\n:1\r\n$6\r\nhólá\r\n*2\r\n+OK\r\n$-1\r\n-NOSCRIPT No matching script\r\n:42\r\n"
                .getBytes(StandardCharsets.UTF_8);
        for (byte single : bytes) {
            ByteBuf one = Unpooled.buffer(1).writeByte(single);
            channel.writeInbound(one);
        }
        List<Object> replies = new ArrayList<>();
        for (Object reply; (reply = channel.readInbound()) != null; ) {
            replies.add(reply);
        }

        assertThat(replies).hasSize(2);
        List<?> array = (List<?>) replies.get(0);
        assertThat(array).hasSize(4);
        assertThat(array.get(0)).isEqualTo(1L);
        assertThat(array.get(1)).isEqualTo("hólá");
        assertThat((List<Object>) array.get(2)).containsExactly("OK", null);
        assertThat(array.get(3)).isEqualTo(new Resp.Error("NOSCRIPT No matching script"));
        assertThat(replies.get(1)).isEqualTo(42L);
    }

    @Test
    void commandsAreWrittenAsArraysOfBulkStrings() {
        ByteBuf encoded = Resp.command(Unpooled.buffer().alloc(), List.of("EVALSHA", "ñ", "0"));
        assertThat(encoded.toString(StandardCharsets.UTF_8))
                .isEqualTo("*3\r\n$7\r\nEVALSHA\r\n$2\r\nñ\r\n$1\r\n0\r\n");
        encoded.release();
    }

    @Test
    void countsAndLengthsOfSeveralDigitsAreWrittenInDecimal() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            parts.add("x".repeat(i * 11));
        }
        ByteBuf encoded = Resp.command(Unpooled.buffer().alloc(), parts);
        StringBuilder expected = new StringBuilder("*12\r\n");
        parts.forEach(part -> expected.append('$').append(part.length()).append("\r\n").append(part).append("\r\n"));
        assertThat(encoded.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        encoded.release();
    }

    @Test
    void negativeAndLargeIntegersAreDecodedAndAMalformedOneIsRefused() {
        EmbeddedChannel channel = new EmbeddedChannel(new Resp.Decoder());
        channel.writeInbound(Unpooled.copiedBuffer(":-7\r\n:0\r\n:9007199254740993\r\n$12\r\nhello, world\r\n",
                StandardCharsets.UTF_8));
        assertThat((Object) channel.readInbound()).isEqualTo(-7L);
        assertThat((Object) channel.readInbound()).isEqualTo(0L);
        assertThat((Object) channel.readInbound()).isEqualTo(9007199254740993L);
        assertThat((Object) channel.readInbound()).isEqualTo("hello, world");

        EmbeddedChannel broken = new EmbeddedChannel(new Resp.Decoder());
        assertThatThrownBy(() -> broken.writeInbound(Unpooled.copiedBuffer(":4x\r\n", StandardCharsets.UTF_8)))
                .hasMessageContaining("Unreadable number in a Redis reply: 4x");
    }

    private static RedisLanes lanes(int port, String password) {
        return new RedisLanes(RedisLanes.Endpoint.of("127.0.0.1", port, null, password, 0, TIMEOUT));
    }
}
