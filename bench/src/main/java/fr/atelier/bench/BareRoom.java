package fr.atelier.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's yardstick: the least a Vert.x program must do to hold the same room. It speaks the
 * subset of docs/protocol.md the poll rounds use (create, join, hello, poll.ask/answer/close,
 * session.start/end, ping) so the same generator drives it, broadcasts ONE shared string per change
 * to every phone, and acknowledges each command after one XADD to the same Redis (pipelined on one
 * connection). Screen and facilitator get a coalesced aggregate view at most ten times a second, as
 * the product promises. No persistence beyond the XADD, no rules, no rate limits: the product's figure
 * divided by this one is the cost of everything Atelier adds.
 *
 * <p>Started as its own process by {@link Node#startBare} ({@code Bench bare-room}), pinned like the
 * product; configured by the product's environment variables (ATELIER_HTTP_PORT, _HOST, _REDIS_URL).
 */
final class BareRoom {
    private final Vertx vertx;
    private final List<ServerWebSocket> phones = new ArrayList<>();
    private final List<ServerWebSocket> watchers = new ArrayList<>(); // screen and facilitator
    private final ArrayDeque<Runnable> redisWaiting = new ArrayDeque<>();
    private final String stream;
    private NetSocket redis;
    private Buffer pendingReply = Buffer.buffer();
    private String code = "BARE00";
    private long seq;
    private int joined;
    private String phase = "LOBBY";
    private String qid;
    private String qtext = "";
    private String qoptions = "[]";
    private String qstatus = "OPEN";
    private int[] distribution = new int[0];
    private int answered;
    /** The one string every phone gets (rebuilt on each change). */
    private String shared;
    private boolean watchersDirty;

    private BareRoom(Vertx vertx) {
        this.vertx = vertx;
        this.stream = "bench:bare:" + ProcessHandle.current().pid();
        rebuild();
    }

    static void main(String[] args) {
        String host = System.getenv().getOrDefault("ATELIER_HTTP_HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("ATELIER_HTTP_PORT", "8080"));
        URI redisUri = URI.create(System.getenv().getOrDefault("ATELIER_REDIS_URL", "redis://127.0.0.1:6379"));
        Vertx vertx = Vertx.vertx();
        BareRoom room = new BareRoom(vertx);
        // everything on one event loop (the room is one actor, like the product's session)
        vertx.runOnContext(v -> room.start(host, port, redisUri.getHost(), redisUri.getPort() < 0 ? 6379 : redisUri.getPort()));
        Runtime.getRuntime().addShutdownHook(new Thread(room::cleanUp));
    }

    private void cleanUp() {
        try (MiniRedis r = new MiniRedis("redis://127.0.0.1:6379")) {
            r.call("DEL", stream);
        } catch (Exception ignored) {
            // best effort: the stream is capped anyway
        }
    }

    private void start(String host, int port, String redisHost, int redisPort) {
        vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true)).connect(redisPort, redisHost).onSuccess(s -> {
            redis = s;
            s.handler(this::onRedis);
            vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port).setTcpNoDelay(true)
                            .setMaxWebSocketFrameSize(1 << 16).setMaxWebSocketMessageSize(1 << 18))
                    .webSocketHandler(this::onSocket)
                    .requestHandler(this::onHttp)
                    .listen().onFailure(e -> {
                        e.printStackTrace();
                        System.exit(2);
                    });
            vertx.setPeriodic(100, t -> flushWatchers());
        }).onFailure(e -> {
            e.printStackTrace();
            System.exit(2);
        });
    }

    // ---- Redis: XADD pipelined on one connection, replies in order ---------------------------------

    private Future<Void> xadd(String field, String value) {
        Promise<Void> p = Promise.promise();
        String[] args = {"XADD", stream, "MAXLEN", "~", "100000", "*", field, value};
        StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            sb.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
        }
        redisWaiting.add(p::complete);
        redis.write(sb.toString());
        return p.future();
    }

    /** Counts whole replies (simple string, error, integer or bulk string: what XADD answers). */
    private void onRedis(Buffer b) {
        pendingReply.appendBuffer(b);
        int pos = 0;
        int len = pendingReply.length();
        while (pos < len) {
            int eol = indexOfCrlf(pendingReply, pos, len);
            if (eol < 0) {
                break;
            }
            char type = (char) pendingReply.getByte(pos);
            int end = eol + 2;
            if (type == '$') {
                int n = Integer.parseInt(pendingReply.getString(pos + 1, eol));
                if (n >= 0) {
                    end = eol + 2 + n + 2;
                    if (end > len) {
                        break;
                    }
                }
            } else if (type == '-') {
                System.err.println("redis error: " + pendingReply.getString(pos, eol));
            }
            pos = end;
            Runnable r = redisWaiting.poll();
            if (r != null) {
                r.run();
            }
        }
        pendingReply = pos >= len ? Buffer.buffer() : pendingReply.getBuffer(pos, len);
    }

    private static int indexOfCrlf(Buffer b, int from, int len) {
        for (int i = from; i + 1 < len; i++) {
            if (b.getByte(i) == '\r' && b.getByte(i + 1) == '\n') {
                return i;
            }
        }
        return -1;
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    private void onHttp(HttpServerRequest req) {
        String path = req.path();
        if (path.equals("/health/ready") || path.equals("/health/live")) {
            req.response().end("{\"status\":\"UP\"}");
        } else if (req.method().name().equals("POST") && path.equals("/api/sessions")) {
            req.body().onSuccess(b -> {
                code = "BARE" + String.format("%02d", (int) (ProcessHandle.current().pid() % 100));
                req.response().setStatusCode(201).putHeader("content-type", "application/json")
                        .end("{\"code\":\"" + code + "\",\"hostToken\":\"host\"}");
            });
        } else if (req.method().name().equals("POST") && path.endsWith("/join")) {
            req.body().onSuccess(b -> {
                int id = ++joined;
                req.response().setStatusCode(201).putHeader("content-type", "application/json")
                        .end("{\"participantId\":\"p" + id + "\",\"nickname\":\"P" + id + "\",\"rejoinToken\":\"t" + id + "\"}");
            });
        } else {
            req.response().setStatusCode(404).end("{\"error\":{\"code\":\"not_found\",\"message\":\"-\"}}");
        }
    }

    // ---- WebSocket -------------------------------------------------------------------------------

    private void onSocket(ServerWebSocket ws) {
        String[] role = {null};
        ws.textMessageHandler(text -> {
            JsonObject m;
            try {
                m = new JsonObject(text);
            } catch (RuntimeException e) {
                ws.close((short) 4400);
                return;
            }
            String type = m.getString("type", "");
            if (role[0] == null) {
                if (!type.equals("hello")) {
                    ws.close((short) 4400);
                    return;
                }
                role[0] = m.getString("role", "participant");
                ws.writeTextMessage("{\"type\":\"welcome\",\"protocol\":1,\"role\":\"" + role[0] + "\",\"participantId\":\"-\",\"seq\":" + seq + "}");
                if (role[0].equals("participant")) {
                    phones.add(ws);
                    ws.writeTextMessage(shared);
                } else {
                    watchers.add(ws);
                    ws.writeTextMessage(watcherView());
                }
                return;
            }
            if (type.equals("ping")) {
                ws.writeTextMessage("{\"type\":\"pong\",\"seq\":" + seq + "}");
            } else if (type.equals("command")) {
                command(ws, m.getString("id"), m.getJsonObject("command", new JsonObject()));
            }
        });
        ws.closeHandler(v -> {
            phones.remove(ws);
            watchers.remove(ws);
        });
    }

    /** Decide, XADD, ack, then (for changes every phone sees) broadcast the one shared string. */
    private void command(ServerWebSocket ws, String id, JsonObject c) {
        String type = c.getString("type", "");
        boolean broadcast = true;
        switch (type) {
            case "session.start" -> phase = "ACTIVITY";
            case "session.end" -> phase = "ENDED";
            case "poll.ask" -> {
                qid = "q" + (Integer.parseInt(qid == null ? "0" : qid.substring(1)) + 1);
                qtext = c.getString("text", "");
                qoptions = c.getJsonArray("options").encode();
                qstatus = "OPEN";
                distribution = new int[c.getJsonArray("options").size()];
                answered = 0;
            }
            case "poll.close" -> qstatus = "CLOSED";
            case "poll.answer" -> {
                int opt = c.getInteger("option", -1);
                if (!"OPEN".equals(qstatus) || !String.valueOf(c.getString("questionId")).equals(qid) || opt < 0 || opt >= distribution.length) {
                    ws.writeTextMessage("{\"type\":\"rejected\",\"id\":\"" + id + "\",\"code\":\"wrong_phase\",\"message\":\"-\"}");
                    return;
                }
                broadcast = false; // phones see only their own ack; the aggregate goes to screen and facilitator
            }
            default -> {
                ws.writeTextMessage("{\"type\":\"rejected\",\"id\":\"" + id + "\",\"code\":\"unknown_command\",\"message\":\"-\"}");
                return;
            }
        }
        long s = ++seq;
        boolean everyone = broadcast;
        if (everyone) {
            rebuild();
        }
        watchersDirty = true;
        int answer = type.equals("poll.answer") ? c.getInteger("option") : -1;
        xadd("c", c.encode()).onComplete(ar -> {
            if (answer >= 0) { // counted once durable, like the product's acknowledged state
                distribution[answer]++;
                answered++;
                watchersDirty = true;
            }
            ws.writeTextMessage("{\"type\":\"ack\",\"id\":\"" + id + "\",\"seq\":" + s + "}");
            if (everyone) {
                String frame = shared;
                for (ServerWebSocket p : phones) {
                    p.writeTextMessage(frame);
                }
                flushWatchers();
            }
        });
    }

    private void rebuild() {
        StringBuilder v = new StringBuilder("{\"type\":\"view\",\"seq\":").append(seq).append(",\"ts\":").append(System.currentTimeMillis())
                .append(",\"view\":{\"audience\":\"participant\",\"session\":{\"code\":\"").append(code).append("\",\"format\":\"poll\",\"phase\":\"")
                .append(phase).append("\"},\"activity\":{");
        if (qid != null) {
            v.append("\"question\":{\"id\":\"").append(qid).append("\",\"text\":").append(jsonString(qtext))
                    .append(",\"options\":").append(qoptions).append(",\"status\":\"").append(qstatus).append("\"}");
        }
        v.append("}}}");
        shared = v.toString();
    }

    private static String jsonString(String s) {
        String o = JsonObject.of("t", s).encode(); // {"t":"..."}
        return o.substring(5, o.length() - 1);
    }

    private String watcherView() {
        StringBuilder v = new StringBuilder("{\"type\":\"view\",\"seq\":").append(seq).append(",\"ts\":").append(System.currentTimeMillis())
                .append(",\"view\":{\"audience\":\"facilitator\",\"session\":{\"code\":\"").append(code).append("\",\"format\":\"poll\",\"phase\":\"")
                .append(phase).append("\"},\"activity\":{");
        if (qid != null) {
            v.append("\"question\":{\"id\":\"").append(qid).append("\",\"status\":\"").append(qstatus).append("\",\"answered\":").append(answered)
                    .append(",\"distribution\":[");
            for (int i = 0; i < distribution.length; i++) {
                v.append(i == 0 ? "" : ",").append(distribution[i]);
            }
            v.append("]}");
        }
        v.append("}}}");
        return v.toString();
    }

    private void flushWatchers() {
        if (!watchersDirty || watchers.isEmpty()) {
            return;
        }
        watchersDirty = false;
        String frame = watcherView();
        for (ServerWebSocket w : watchers) {
            w.writeTextMessage(frame);
        }
    }
}
