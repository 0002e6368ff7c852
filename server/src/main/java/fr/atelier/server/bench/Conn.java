package fr.atelier.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark WebSocket client (phone, screen or facilitator). Frames are scanned cheaply (the server
 * writes {@code {"type":"view","seq":..,"ts":..,"view":..}} in this order) so that thousands of phones on
 * one generator core do not add parse time to the latencies they measure. Every callback runs on
 * {@link #ctx}, the event loop the socket lives on.
 */
final class Conn {
    /** Called on the connection's event loop for each view, with its arrival time (µs since the epoch). */
    interface ViewHandler {
        void onView(Conn c, String frame, long arrivalUs, long seq, long ts);
    }

    /** The answer to a command: ack or rejection, with the client-side round trip. */
    record Reply(boolean accepted, long seq, String code, long sentNs, long latencyUs, long arrivalUs) {}

    private static final class Pending {
        final Promise<Reply> promise = Promise.promise();
        final long sentNs = System.nanoTime();
    }

    final int index;
    final String role;
    final Context ctx;
    final Stats.Counters errors;
    volatile String participantId;
    String token;
    int node;
    ViewHandler onView;

    private WebSocket ws;
    private Promise<Conn> hello;
    private boolean welcomed;
    private long helloTimer = -1;
    private final Map<String, Pending> pending = new HashMap<>(4);
    private int nextCommand;
    private volatile boolean closing;
    volatile boolean closed;
    volatile long lastSeq = -1;
    volatile int seqRegressions;
    volatile int views;
    volatile int pongs;
    volatile int pings;
    /** Last view frame received (screen and facilitator keep it to read their aggregates). */
    volatile String lastView;

    Conn(int index, String role, Context ctx, Stats.Counters errors) {
        this.index = index;
        this.role = role;
        this.ctx = ctx;
        this.errors = errors;
    }

    /** Opens the socket and completes once {@code welcome} and the first {@code view} arrived. Call on {@link #ctx}. */
    Future<Conn> open(Vertx vertx, WebSocketClient client, String host, int port, String code, String token, long timeoutMs) {
        hello = Promise.promise();
        helloTimer = vertx.setTimer(timeoutMs, t -> {
            helloTimer = -1;
            if (hello.tryFail("hello timed out")) {
                errors.inc("ws.hello_timeout");
                close();
            }
        });
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/ws")
                .setTimeout(timeoutMs).setConnectTimeout(timeoutMs);
        client.connect(options).onComplete(ar -> {
            if (ar.failed()) {
                errors.inc("ws.connect_failed");
                hello.tryFail(ar.cause());
                return;
            }
            ws = ar.result();
            ws.textMessageHandler(this::onText);
            ws.closeHandler(v -> onClosed());
            ws.exceptionHandler(e -> errors.inc("ws.exception"));
            StringBuilder h = new StringBuilder("{\"type\":\"hello\",\"protocol\":1,\"code\":\"").append(code)
                    .append("\",\"role\":\"").append(role).append('"');
            if (token != null) {
                h.append(",\"token\":\"").append(token).append('"');
            }
            h.append('}');
            ws.writeTextMessage(h.toString());
        });
        Future<Conn> f = hello.future();
        f.onComplete(ar -> {
            if (helloTimer >= 0) {
                vertx.cancelTimer(helloTimer);
                helloTimer = -1;
            }
        });
        return f;
    }

    private void onText(String text) {
        long arrivalUs = Util.nowUs();
        if (text.startsWith("{\"type\":\"view\"")) {
            long seq = Util.longAfter(text, "\"seq\":", 0);
            long ts = Util.longAfter(text, "\"ts\":", 0);
            if (seq < lastSeq) {
                seqRegressions++;
                errors.inc("seq_regression");
            }
            lastSeq = seq;
            views++;
            if (!"participant".equals(role)) {
                lastView = text;
            }
            if (welcomed && hello != null && !hello.future().isComplete()) {
                hello.tryComplete(this);
            }
            ViewHandler h = onView;
            if (h != null) {
                h.onView(this, text, arrivalUs, seq, ts);
            }
            return;
        }
        if (text.startsWith("{\"type\":\"ack\"") || text.startsWith("{\"type\":\"rejected\"")) {
            boolean ack = text.charAt(9) == 'a';
            String id = Util.strAfter(text, "\"id\":\"", 0);
            Pending p;
            synchronized (pending) {
                p = pending.remove(id);
            }
            if (p == null) {
                errors.inc("ws.unexpected_reply");
                return;
            }
            long latencyUs = (System.nanoTime() - p.sentNs) / 1000;
            String code = ack ? null : Util.strAfter(text, "\"code\":\"", 0);
            if (!ack) {
                errors.inc("rejected." + code);
            }
            p.promise.tryComplete(new Reply(ack, ack ? Util.longAfter(text, "\"seq\":", 0) : -1, code, p.sentNs, latencyUs, arrivalUs));
            return;
        }
        if (text.startsWith("{\"type\":\"pong\"")) {
            pongs++;
            return;
        }
        if (text.startsWith("{\"type\":\"welcome\"")) {
            welcomed = true;
            participantId = Util.strAfter(text, "\"participantId\":\"", 0);
            long seq = Util.longAfter(text, "\"seq\":", 0);
            if (seq < lastSeq) {
                seqRegressions++;
                errors.inc("seq_regression");
            }
            return;
        }
        JsonNode n;
        try {
            n = Util.JSON.readTree(text);
        } catch (IOException e) {
            errors.inc("ws.invalid_json");
            return;
        }
        if ("error".equals(n.path("type").asText())) {
            errors.inc("ws.error." + n.path("code").asText());
            if (hello != null) {
                hello.tryFail("error " + n.path("code").asText() + ": " + n.path("message").asText());
            }
        } else {
            errors.inc("ws.unknown_message." + n.path("type").asText());
        }
    }

    private void onClosed() {
        closed = true;
        if (!closing) {
            Short status = ws.closeStatusCode();
            errors.inc("ws.closed_by_server." + (status == null ? "1006" : status));
            if (hello != null) {
                hello.tryFail("closed " + status);
            }
        }
        List<Pending> left;
        synchronized (pending) {
            left = new ArrayList<>(pending.values());
            pending.clear();
        }
        for (Pending p : left) {
            p.promise.tryFail("socket closed");
        }
    }

    /** Sends a command (its JSON object) and completes with the ack or rejection. Any thread. */
    Future<Reply> command(String commandJson) {
        Pending p = new Pending();
        String id;
        synchronized (pending) {
            id = role.charAt(0) + Integer.toString(index) + "-" + (++nextCommand);
            pending.put(id, p);
        }
        if (ws == null || closed) {
            synchronized (pending) {
                pending.remove(id);
            }
            return Future.failedFuture("not connected");
        }
        ws.writeTextMessage("{\"type\":\"command\",\"id\":\"" + id + "\",\"command\":" + commandJson + "}");
        return p.promise.future();
    }

    /** The application heartbeat ({"type":"ping"}), as browsers send it. */
    void ping() {
        if (ws != null && !closed) {
            pings++;
            ws.writeTextMessage("{\"type\":\"ping\",\"t\":" + System.currentTimeMillis() + "}");
        }
    }

    boolean open() {
        return ws != null && !closed;
    }

    void close() {
        closing = true;
        if (ws != null && !closed) {
            ws.close();
        }
    }

    /** The view object of the last view frame, parsed (screen and facilitator only). */
    JsonNode lastViewJson() {
        String v = lastView;
        if (v == null) {
            return null;
        }
        try {
            return Util.JSON.readTree(v).path("view");
        } catch (IOException e) {
            return null;
        }
    }
}
