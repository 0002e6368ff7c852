package fr.atelier.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.workshops.core.Json;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** A real WebSocket client speaking the Atelier protocol, with blocking waits for tests. */
public final class WsClient implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(10);

    private final WebSocket socket;
    private final List<JsonNode> received = new ArrayList<>();
    private volatile Short closeStatus;
    private int cursor;

    private WsClient(WebSocket socket) {
        this.socket = socket;
        socket.textMessageHandler(text -> {
            try {
                JsonNode n = Json.MAPPER.readTree(text);
                synchronized (received) {
                    received.add(n);
                    received.notifyAll();
                }
            } catch (IOException e) {
                throw new IllegalStateException("server sent invalid JSON: " + text, e);
            }
        });
        socket.closeHandler(v -> {
            closeStatus = socket.closeStatusCode() == null ? (short) 1006 : socket.closeStatusCode();
            synchronized (received) {
                received.notifyAll();
            }
        });
    }

    /**
     * Connects as if through a reverse proxy that saw the client at {@code forwardedFor} (null: directly).
     * Tests get their sockets from their node ({@link TestNode#connect()}, {@link ServerProcess#connect()}).
     */
    static WsClient connect(WebSocketClient client, int port, String forwardedFor) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws");
        if (forwardedFor != null) {
            options.addHeader("X-Forwarded-For", forwardedFor);
        }
        return new WsClient(client.connect(options).await());
    }

    public void sendRaw(String text) {
        socket.writeTextMessage(text).await();
    }

    /** Writes every frame without waiting between them (a burst in one go), then waits for the last write. */
    public void sendBurst(List<String> frames) {
        io.vertx.core.Future<Void> last = io.vertx.core.Future.succeededFuture();
        for (String f : frames) {
            last = socket.writeTextMessage(f);
        }
        last.await();
    }

    public void send(JsonNode message) {
        sendRaw(message.toString());
    }

    public JsonNode hello(String code, String role, String token) {
        ObjectNode hello = Json.MAPPER.createObjectNode().put("type", "hello").put("protocol", 1).put("code", code).put("role", role);
        if (token != null) {
            hello.put("token", token);
        }
        send(hello);
        JsonNode welcome = next(m -> m.path("type").asText().matches("welcome|error"));
        if (welcome.path("type").asText().equals("welcome")) {
            awaitView(v -> true);
        }
        return welcome;
    }

    /** Sends a command and waits for its ack or rejection. */
    public JsonNode command(String id, JsonNode command) {
        ObjectNode message = Json.MAPPER.createObjectNode().put("type", "command").put("id", id);
        message.set("command", command);
        send(message);
        return next(m -> id.equals(m.path("id").asText()) && m.path("type").asText().matches("ack|rejected"));
    }

    public JsonNode command(JsonNode command) {
        return command(UUID.randomUUID().toString(), command);
    }

    public static ObjectNode cmd(String type) {
        return Json.MAPPER.createObjectNode().put("type", type);
    }

    /** The next message after the last one consumed that matches. */
    public JsonNode next(Predicate<JsonNode> match) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (received) {
            while (true) {
                for (int i = cursor; i < received.size(); i++) {
                    if (match.test(received.get(i))) {
                        cursor = i + 1;
                        return received.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || closeStatus != null && cursor >= received.size()) {
                    throw new AssertionError(new TimeoutException("no matching message; received " + received + ", close " + closeStatus));
                }
                try {
                    received.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Waits until the latest view received satisfies the condition and returns it. */
    public JsonNode awaitView(Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (received) {
            while (true) {
                JsonNode last = null;
                for (int i = received.size() - 1; i >= 0; i--) {
                    if (received.get(i).path("type").asText().equals("view")) {
                        last = received.get(i).get("view");
                        break;
                    }
                }
                if (last != null && condition.test(last)) {
                    return last;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("view never matched; last view: " + last);
                }
                try {
                    received.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    public List<JsonNode> all() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits for the server to close the socket and returns the close code. */
    public short awaitClose() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (received) {
            while (closeStatus == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("socket still open");
                }
                try {
                    received.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            return closeStatus;
        }
    }

    public boolean isClosed() {
        return closeStatus != null;
    }

    @Override
    public void close() {
        if (closeStatus == null) {
            socket.close();
        }
    }
}
