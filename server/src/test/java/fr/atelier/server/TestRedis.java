package fr.atelier.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A Redis of the test's own, on a fixed port, that the test stops and starts again to play an
 * outage (append-only file on, as in production, so what Redis acknowledged comes back).
 */
final class TestRedis implements AutoCloseable {
    private final int port;
    private final Path dir;
    private RedisServer redis;

    TestRedis(Path dir) {
        this.dir = dir;
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        start();
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    void start() {
        try {
            redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("dir " + dir).setting("appendonly yes").setting("appendfsync everysec").setting("save \"\"")
                    .build();
            redis.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test's Redis", e);
        }
    }

    void stop() {
        try {
            redis.stop();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (redis != null && redis.isActive()) {
            stop();
        }
    }
}
