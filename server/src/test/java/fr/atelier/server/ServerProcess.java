package fr.atelier.server;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Atelier node in a child JVM ({@code java -cp <test class path> fr.atelier.server.Main}), as an
 * operator runs it: exit codes, signals and logs are the real ones. Output goes to a file; every
 * wait is bounded; {@link #close()} kills what is still running.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Atelier listening on http://localhost:(\\d+)");

    private final Process process;
    private final Path log;
    private volatile int port = -1;
    private Vertx clients;
    private WebSocketClient ws;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ServerProcess start(Map<String, String> settings) {
        return start(settings, List.of());
    }

    /** With extra JVM options, e.g. {@code -Dos.arch=...} to play a machine we have no binaries for. */
    static ServerProcess start(Map<String, String> settings, List<String> jvmOptions) {
        try {
            Path log = Files.createTempFile("atelier-node-", ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("ATELIER_"));
            pb.environment().putAll(settings);
            return new ServerProcess(pb.start(), log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a child node", e);
        }
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the node listens and is ready; answers its port. */
    int awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("node exited with " + process.exitValue() + ":\n" + output());
            }
            Matcher m = LISTENING.matcher(output());
            if (m.find()) {
                int port = Integer.parseInt(m.group(1));
                if (new Http(port).get("/health/ready").status() == 200) {
                    this.port = port;
                    return port;
                }
            }
            sleep(250);
        }
        throw new AssertionError("node not ready after " + timeout + ":\n" + output());
    }

    /** The node's HTTP port, once {@link #awaitReady} saw it ready. */
    int port() {
        if (port < 0) {
            throw new IllegalStateException("awaitReady first");
        }
        return port;
    }

    Http http() {
        return new Http(port());
    }

    /** A new WebSocket to this node, on a client Vert.x of this fixture (it outlives the node's death). */
    synchronized WsClient connect() {
        if (clients == null) {
            clients = Vertx.vertx();
            ws = clients.createWebSocketClient(TestNode.clientOptions().setMaxConnections(100));
        }
        return WsClient.connect(ws, port(), null);
    }

    /** Waits for the process to end by itself; answers its exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("node still running after " + timeout + ":\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM, what a supervisor or {@code kill} sends: the node's own stop sequence runs. */
    int stop(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    /** SIGKILL: nothing of the node runs any more; the services it started stay behind. */
    void kill9() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        synchronized (this) {
            if (clients != null) {
                clients.close().await();
                clients = null;
            }
        }
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
