package fr.atelier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One benchmark WebSocket client (phone, screen or facilitator). Frames are scanned cheaply (the server
 * writes {@code {"type":"view","seq":..,"ts":..,"view":..}} in this order) so that thousands of phones on
 * one generator core do not add parse time to the latencies they measure. Every callback runs on
 * {@link #ctx}, the event loop the socket lives on.
 *
 * <p>By default a connection is opened once and a close fails what is pending (scenarios a–d). With
 * {@link #resilient(Resilience)} set before {@link #open}, it behaves like the product's page
 * ({@code web/src/main/resources/webroot/app/socket.js}): a socket that closes reconnects by itself with
 * exponential backoff and full jitter, through a {@link Balancer} that stands for the load balancer of
 * {@code deploy/nginx.conf}; the hello carries the rejoin token and {@code lastSeq}; commands stay pending
 * across reconnections and are resent with the same id on every {@code welcome} and after an
 * {@code unavailable} rejection, until acknowledged or rejected otherwise (the server applies an id once).
 */
final class Conn {
    /** Called on the connection's event loop for each view, with its arrival time (µs since the epoch). */
    interface ViewHandler {
        void onView(Conn c, String frame, long arrivalUs, long seq, long ts);
    }

    /**
     * The answer to a command: ack or rejection, with the client-side round trip (from the first send).
     * {@code sends}: how many times the frame was written (more than 1 after reconnections or
     * {@code unavailable}); {@code lastSentUs}: when it was last written (µs since the epoch).
     */
    record Reply(boolean accepted, long seq, String code, long sentNs, long latencyUs, long arrivalUs, int sends, long lastSentUs) {}

    /** Called on the connection's event loop for each {@code welcome}, with the link number (1: first connection). */
    interface WelcomeHandler {
        void onWelcome(Conn c, int link, long arrivalUs, long seq);
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
    private InFlight inFlight;
    private volatile boolean closing;
    volatile boolean closed;

    // resilient mode (null: one connection, as scenarios a-d use it)
    private Resilience resilience;
    private Vertx vertx;
    private WebSocketClient client;
    private String host;
    private String code;
    private int attempt;
    private long retryTimer = -1;
    private long linkHelloTimer = -1;
    WelcomeHandler onWelcome;
    /** Links opened so far (each connection attempt that reached a node); views carry {@link #link}. */
    volatile int links;
    /** The link the last welcome came on (0: never welcomed). */
    volatile int link;
    /** Port of the node the current link goes to. */
    volatile int port;
    volatile int disconnects;
    volatile int reconnectAttempts;
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
        this.inFlight = new InFlight(role.charAt(0) + Integer.toString(index) + "-", false);
    }

    /**
     * Turns on the product's reconnection behaviour (see the class comment). Call before {@link #open}.
     */
    Conn resilient(Resilience r) {
        this.resilience = r;
        this.inFlight = new InFlight(role.charAt(0) + Integer.toString(index) + "-", true);
        return this;
    }

    /** Opens the socket and completes once {@code welcome} and the first {@code view} arrived. Call on {@link #ctx}. */
    Future<Conn> open(Vertx vertx, WebSocketClient client, String host, int port, String code, String token, long timeoutMs) {
        this.vertx = vertx;
        this.client = client;
        this.host = host;
        this.code = code;
        this.port = port;
        this.token = token; // every hello of this client (reconnections too) carries it
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
            link(ar.result(), port);
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

    /** Takes a freshly connected socket as the current link and sends hello. */
    private void link(WebSocket s, int toPort) {
        ws = s;
        port = toPort;
        closed = false;
        welcomed = false;
        links++;
        s.textMessageHandler(t -> {
            if (s == ws) {
                onText(t);
            }
        });
        s.closeHandler(v -> onClosed(s));
        s.exceptionHandler(e -> {
            if (resilience == null) {
                errors.inc("ws.exception");
            } else {
                resilience.events.inc("ws.exception");
            }
        });
        StringBuilder h = new StringBuilder("{\"type\":\"hello\",\"protocol\":1,\"code\":\"").append(code)
                .append("\",\"role\":\"").append(role).append('"');
        if (token != null) {
            h.append(",\"token\":\"").append(token).append('"');
        }
        if (resilience != null && lastSeq >= 0) {
            h.append(",\"lastSeq\":").append(lastSeq);
        }
        h.append('}');
        write(s, h.toString());
        if (resilience != null && links > 1) {
            // socket.js: no welcome within 20 s on this link: drop it and try again
            linkHelloTimer = vertx.setTimer(resilience.helloTimeoutMs, t -> {
                linkHelloTimer = -1;
                if (s == ws && !welcomed) {
                    resilience.events.inc("reconnect.hello_timeout");
                    dropAndRetry(s);
                }
            });
        }
    }

    private static boolean write(WebSocket s, String text) {
        try {
            s.writeTextMessage(text);
            return true;
        } catch (RuntimeException e) {
            return false; // closing: the close handler takes over
        }
    }

    // ---- resilient mode: reconnection -------------------------------------------------------------

    /** socket.js {@code _scheduleReconnect}: a random delay in [0, min(10 s, 0.5 s × 2^attempt)]. */
    private void scheduleReconnect() {
        if (closing || retryTimer >= 0) {
            return;
        }
        long cap = Math.min(resilience.backoffMaxMs, resilience.backoffBaseMs << attempt);
        attempt = Math.min(attempt + 1, resilience.maxAttemptExponent);
        long delay = Math.max(1, (long) (ThreadLocalRandom.current().nextDouble() * cap));
        retryTimer = vertx.setTimer(delay, t -> {
            retryTimer = -1;
            reconnect();
        });
    }

    private void reconnect() {
        if (closing) {
            return;
        }
        reconnectAttempts++;
        resilience.events.inc("reconnect.attempt");
        tryPorts(resilience.balancer.order(port), 0);
    }

    /** One connection through the balancer: on a connection failure the next node is tried at once. */
    private void tryPorts(int[] ports, int k) {
        int p = ports[k];
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(host).setPort(p).setURI("/ws")
                .setTimeout(resilience.helloTimeoutMs).setConnectTimeout(resilience.helloTimeoutMs);
        client.connect(options).onComplete(ar -> {
            if (closing) {
                if (ar.succeeded()) {
                    ar.result().close();
                }
                return;
            }
            if (ar.failed()) {
                resilience.events.inc("reconnect.connect_failed");
                resilience.balancer.failed(p);
                if (k + 1 < ports.length) {
                    tryPorts(ports, k + 1);
                } else {
                    scheduleReconnect();
                }
                return;
            }
            link(ar.result(), p);
        });
    }

    private void dropAndRetry(WebSocket s) {
        welcomed = false;
        closed = true;
        ws = null;
        try {
            s.close();
        } catch (RuntimeException ignored) {
            // already closed
        }
        scheduleReconnect();
    }

    private void resendPending() {
        for (InFlight.Pending p : inFlight.all()) {
            send(p);
        }
    }

    /** Writes a pending command on the current link if it is welcomed (else the next welcome sends it). */
    private void send(InFlight.Pending p) {
        WebSocket s = ws;
        if (s == null || closed || !welcomed) {
            return;
        }
        p.link = links;
        p.lastSentUs = Util.nowUs();
        if (p.sends++ > 0) {
            resilience.events.inc("command.resent");
        }
        write(s, p.frame);
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
            String code = ack ? null : Util.strAfter(text, "\"code\":\"", 0);
            InFlight.Pending p = inFlight.get(id);
            if (p != null && resilience != null && !ack && "unavailable".equals(code)) {
                retryLater(p);
                return;
            }
            p = inFlight.settle(id);
            if (p == null) {
                if (resilience != null && inFlight.answeredBefore(id)) {
                    resilience.events.inc("command.duplicate_answer");
                } else {
                    errors.inc("ws.unexpected_reply");
                }
                return;
            }
            long latencyUs = (System.nanoTime() - p.sentNs) / 1000;
            if (!ack) {
                errors.inc("rejected." + code);
            }
            p.promise.tryComplete(new Reply(ack, ack ? Util.longAfter(text, "\"seq\":", 0) : -1, code, p.sentNs, latencyUs, arrivalUs,
                    Math.max(1, p.sends), p.lastSentUs));
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
            if (resilience != null) {
                attempt = 0;
                link = links;
                if (linkHelloTimer >= 0) {
                    vertx.cancelTimer(linkHelloTimer);
                    linkHelloTimer = -1;
                }
                WelcomeHandler h = onWelcome;
                if (h != null) {
                    h.onWelcome(this, links, arrivalUs, seq);
                }
                resendPending();
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
            if (resilience != null && "unavailable".equals(n.path("code").asText())) {
                // the server could not reach the session now and closes with 1013: the reconnection handles it
                resilience.events.inc("hello.unavailable");
                return;
            }
            errors.inc("ws.error." + n.path("code").asText());
            if (hello != null) {
                hello.tryFail("error " + n.path("code").asText() + ": " + n.path("message").asText());
            }
        } else {
            errors.inc("ws.unknown_message." + n.path("type").asText());
        }
    }

    /** socket.js: storage (or the session's owner) unreachable: resend the same id 1 s × k + random(1 s) later. */
    private void retryLater(InFlight.Pending p) {
        p.unavailable++;
        resilience.events.inc("command.unavailable");
        long delay = 1000L * p.unavailable + ThreadLocalRandom.current().nextLong(1000);
        int onLink = p.link;
        vertx.setTimer(delay, t -> {
            if (inFlight.waiting(p) && p.link == onLink) { // a welcome in between resent it already
                send(p);
            }
        });
    }

    private void onClosed(WebSocket s) {
        if (s != ws) {
            return; // an older link
        }
        closed = true;
        if (resilience != null && !closing) {
            welcomed = false;
            disconnects++;
            Short status = s.closeStatusCode();
            resilience.events.inc("disconnect." + (status == null ? "1006" : status));
            if (linkHelloTimer >= 0) {
                vertx.cancelTimer(linkHelloTimer);
                linkHelloTimer = -1;
            }
            if (status != null && (status == 4400 || status == 4401 || status == 4404)) {
                errors.inc("ws.fatal_close." + status); // socket.js gives up on these
                closing = true;
                failPending();
                return;
            }
            if (status != null && status == 4429) {
                attempt = Math.max(attempt, 6);
            }
            scheduleReconnect();
            return;
        }
        if (!closing) {
            Short status = ws.closeStatusCode();
            errors.inc("ws.closed_by_server." + (status == null ? "1006" : status));
            if (hello != null) {
                hello.tryFail("closed " + status);
            }
        }
        failPending();
    }

    private void failPending() {
        for (InFlight.Pending p : inFlight.drain()) {
            p.promise.tryFail("socket closed");
        }
    }

    /** Sends a command (its JSON object) and completes with the ack or rejection. Any thread. */
    Future<Reply> command(String commandJson) {
        InFlight.Pending p = inFlight.add(commandJson);
        if (resilience != null) {
            // kept until answered: sent now if the link is up, else on the next welcome (socket.js send())
            if (Vertx.currentContext() == ctx) {
                send(p);
            } else {
                ctx.runOnContext(v -> send(p));
            }
            return p.promise.future();
        }
        // written on the socket's own event loop (the facilitator's commands came from the main thread)
        ctx.runOnContext(v -> {
            if (ws == null || closed) {
                inFlight.forget(p);
                p.promise.tryFail("not connected");
            } else {
                p.lastSentUs = Util.nowUs();
                ws.writeTextMessage(p.frame);
            }
        });
        return p.promise.future();
    }

    /** The application heartbeat ({"type":"ping"}), as browsers send it. */
    void ping() {
        if (ws != null && !closed) {
            pings++;
            ws.writeTextMessage("{\"type\":\"ping\",\"t\":" + System.currentTimeMillis() + "}");
        }
    }

    /** Closes clients at the end of a run, each on its own context. */
    static void closeAll(Iterable<Conn> phones, Conn... others) {
        for (Conn c : phones) {
            c.ctx.runOnContext(v -> c.close());
        }
        for (Conn c : others) {
            c.ctx.runOnContext(v -> c.close());
        }
    }

    boolean open() {
        return ws != null && !closed;
    }

    void close() {
        closing = true;
        if (retryTimer >= 0 && vertx != null) {
            vertx.cancelTimer(retryTimer);
            retryTimer = -1;
        }
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
