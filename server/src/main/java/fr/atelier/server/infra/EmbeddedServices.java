package fr.atelier.server.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The embedded default: a real Redis (append-only file on) and a real PostgreSQL, both keeping
 * their data under the data directory so that a restart loses nothing. The folder is locked for
 * this process first; neither service registers a shutdown hook of its own, so that the node's
 * stop sequence (leases handed back, then services stopped) runs in order.
 */
public final class EmbeddedServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServices.class);
    private static final long REDIS_READY_MS = 60_000;
    private static final long STOP_WAIT_MS = 20_000;

    private DataDirLock lock;
    private Path abandoned;
    private Process redis;
    private EmbeddedPostgres postgres;
    private String redisUrl;
    private String databaseUrl;

    public String redisUrl() {
        return redisUrl;
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    /**
     * Takes the data folder for this process, or throws {@link StartupError} when a live server
     * holds it. Only then are services left over by a killed run stopped: they are nobody's.
     */
    private void lock(Path dataDir) {
        if (lock == null) {
            lock = DataDirLock.acquire(dataDir);
            if (!lock.previousOwner().isEmpty()) {
                LOG.warn("taking over the data folder {}: its previous server (pid {}) did not stop cleanly", dataDir, lock.previousOwner());
            }
        }
    }

    public void startRedis(Path dataDir, String fsync) {
        lock(dataDir);
        EmbeddedPlatform.current(); // an unsupported machine fails here, with one sentence
        try {
            Path dir = Files.createDirectories(dataDir.resolve("redis"));
            Path pidFile = dir.resolve("redis.pid");
            killLeftover(pidFile, "redis");
            Files.deleteIfExists(pidFile);
            int port = freePort();
            List<String> command = new ArrayList<>();
            // Its own session: a Ctrl-C in the terminal reaches the JVM only, which stops Redis last.
            setsid().ifPresent(command::add);
            command.addAll(RedisServer.newRedisServer()
                    .executableProvider(() -> redisExecutable(dataDir))
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dir)
                    .setting("pidfile " + pidFile)
                    .setting("appendonly yes")
                    .setting("appendfsync " + fsync)
                    .setting("save \"\"")
                    .setting("protected-mode yes")
                    .buildCommandArgs());
            redis = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
                    .start();
            awaitRedis(port, dir);
            redisUrl = "redis://127.0.0.1:" + port;
            LOG.atInfo().addKeyValue("port", port).addKeyValue("dir", dir).log("embedded Redis started");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded Redis", e);
        }
    }

    /**
     * Durable by default (fsync and synchronous commit on: an acknowledged archive survives a power
     * loss). {@code fast} only turns synchronous commit off: a power loss may then lose the last
     * fraction of a second of commits, never corrupt the cluster (fsync stays on).
     */
    public void startPostgres(Path dataDir, boolean fast) {
        lock(dataDir);
        try {
            Path dir = Files.createDirectories(dataDir.resolve("postgres"));
            killLeftover(dir.resolve("postmaster.pid"), "postgres");
            postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver((system, machine) -> binary(EmbeddedPlatform.current().postgresResource()))
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(freePort())
                    .setServerConfig("max_connections", "50")
                    // The library starts postgres with -F (fsync off) and synchronous_commit off; -c options come after and win.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("synchronous_commit", fast ? "off" : "on")
                    .start();
            databaseUrl = postgres.getJdbcUrl("postgres", "postgres");
            LOG.atInfo().addKeyValue("port", postgres.getPort()).addKeyValue("dir", dir)
                    .addKeyValue("synchronousCommit", !fast).log("embedded PostgreSQL started");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static Optional<String> setsid() {
        return List.of("/usr/bin/setsid", "/bin/setsid").stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    }

    /** Waits for PONG (Redis answers LOADING while it replays its append-only file). */
    private void awaitRedis(int port, Path dir) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REDIS_READY_MS);
        while (System.nanoTime() < deadline) {
            if (!redis.isAlive()) {
                throw new IllegalStateException("embedded Redis exited with " + redis.exitValue() + ", see " + dir.resolve("redis.log"));
            }
            if (pong(port)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stopRedis();
        throw new IllegalStateException("embedded Redis not ready after " + REDIS_READY_MS + " ms, see " + dir.resolve("redis.log"));
    }

    private static boolean pong(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(1000);
            s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] buf = new byte[64];
            InputStream in = s.getInputStream();
            int n = in.read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    /** A server left running by a killed JVM would hold the same data files: stop it first. */
    private static void killLeftover(Path pidFile, String command) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String pid = Files.readString(pidFile).lines().findFirst().orElse("").trim();
        Optional<ProcessHandle> process = pid.matches("\\d+") ? ProcessHandle.of(Long.parseLong(pid)) : Optional.empty();
        process.filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains(command)).orElse(false))
                .ifPresent(p -> {
                    LOG.warn("stopping a {} left over by a previous run (pid {})", command, pid);
                    stop(p);
                });
    }

    /** SIGTERM, then SIGKILL if it is still there after a bounded wait. */
    private static void stop(ProcessHandle p) {
        p.destroy();
        try {
            p.onExit().get(STOP_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            try {
                p.onExit().get(STOP_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (Exception ignored) {
                // nothing more can be done
            }
        }
    }

    private void stopRedis() {
        if (redis != null) {
            stop(redis.toHandle());
            redis = null;
        }
    }

    /** This platform's Redis binary, copied once out of the jar (its name carries its version). */
    private static File redisExecutable(Path dataDir) throws IOException {
        String resource = EmbeddedPlatform.current().redisResource();
        Path bin = Files.createDirectories(dataDir.resolve("bin"));
        Path target = bin.resolve(resource);
        if (!Files.isExecutable(target)) {
            Path partial = Files.createTempFile(bin, resource, ".part");
            try (InputStream in = binary(resource)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            partial.toFile().setExecutable(true, true);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return target.toFile();
    }

    private static InputStream binary(String resource) throws IOException {
        InputStream in = EmbeddedServices.class.getResourceAsStream("/" + resource);
        if (in == null) {
            throw new IOException("binary " + resource + " missing from the jar");
        }
        return in;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Lets go of the data folder without stopping the services: what a killed process leaves. For failure tests. */
    public void abandon() {
        if (lock != null) {
            abandoned = lock.dir();
            lock.close();
            lock = null;
        }
    }

    @Override
    public void close() {
        if (abandoned != null) {
            // After abandon(), the services are still ours only if no later server took the folder over.
            try {
                lock = DataDirLock.acquire(abandoned);
            } catch (StartupError e) {
                return;
            }
        }
        stopRedis();
        try {
            if (postgres != null) {
                postgres.close();
                postgres = null;
            }
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly", e);
        }
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }
}
