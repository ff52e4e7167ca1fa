package cl.compraagil.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/** Embedded Redis with an append-only file in the data folder, so rate-limit and quota counters survive restarts. */
final class RedisEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("redis");

    private final RedisServer server;

    private RedisEngine(RedisServer server) {
        this.server = server;
    }

    static RedisEngine start(EngineSettings settings) throws IOException {
        Files.createDirectories(settings.redisDir());
        RedisServer server = RedisServer.newRedisServer()
                .port(settings.redisPort())
                .bind("127.0.0.1")
                .setting("dir " + settings.redisDir())
                .setting("appendonly yes")
                .setting("appendfsync everysec")
                // SIGTERM lets Redis flush its append-only file before it exits
                .onShutdownForceStop(false)
                .soutListener(LOG::info)
                .serrListener(LOG::warn)
                .build();
        server.start();
        return new RedisEngine(server);
    }

    /** The redis-server child of this JVM, for pid files and memory accounting. */
    Optional<ProcessHandle> process() {
        return ProcessHandle.current().children()
                .filter(child -> child.info().command().map(command -> command.contains("redis-server")).orElse(false))
                .findFirst();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not stop cleanly", e);
        }
    }
}
