package fr.atelier.server.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The embedded default: a real Redis (append-only file on) and a real PostgreSQL, both keeping
 * their data under the data directory so that a restart loses nothing.
 */
public final class EmbeddedServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServices.class);

    private RedisServer redis;
    private EmbeddedPostgres postgres;
    private String redisUrl;
    private String databaseUrl;

    public String redisUrl() {
        return redisUrl;
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public void startRedis(Path dataDir, String fsync) {
        EmbeddedPlatform.current(); // an unsupported machine fails here, with one sentence
        try {
            Path dir = Files.createDirectories(dataDir.resolve("redis"));
            Path pidFile = dir.resolve("redis.pid");
            killLeftover(pidFile, "redis");
            int port = freePort();
            redis = RedisServer.newRedisServer()
                    .executableProvider(() -> redisExecutable(dataDir))
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dir)
                    .setting("pidfile " + pidFile)
                    .setting("appendonly yes")
                    .setting("appendfsync " + fsync)
                    .setting("save \"\"")
                    .setting("protected-mode yes")
                    .onShutdownForceStop(true)
                    .build();
            redis.start();
            redisUrl = "redis://127.0.0.1:" + port;
            LOG.atInfo().addKeyValue("port", port).addKeyValue("dir", dir).log("embedded Redis started");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded Redis", e);
        }
    }

    public void startPostgres(Path dataDir) {
        try {
            Path dir = Files.createDirectories(dataDir.resolve("postgres"));
            killLeftover(dir.resolve("postmaster.pid"), "postgres");
            postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver((system, machine) -> binary(EmbeddedPlatform.current().postgresResource()))
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(freePort())
                    .setServerConfig("max_connections", "50")
                    .start();
            databaseUrl = postgres.getJdbcUrl("postgres", "postgres");
            LOG.atInfo().addKeyValue("port", postgres.getPort()).addKeyValue("dir", dir).log("embedded PostgreSQL started");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /** A server left running by a killed JVM would hold the same data files: stop it first. */
    private static void killLeftover(Path pidFile, String command) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String pid = Files.readString(pidFile).lines().findFirst().orElse("").trim();
        Optional<ProcessHandle> process = pid.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(pid));
        process.filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains(command)).orElse(false))
                .ifPresent(p -> {
                    LOG.warn("stopping a {} left over by a previous run (pid {})", command, pid);
                    p.destroy();
                    try {
                        p.onExit().get();
                    } catch (Exception e) {
                        p.destroyForcibly();
                    }
                });
        if (command.equals("redis")) {
            Files.deleteIfExists(pidFile);
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

    @Override
    public void close() {
        try {
            if (redis != null) {
                redis.stop();
            }
        } catch (IOException e) {
            LOG.warn("embedded Redis did not stop cleanly", e);
        }
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
