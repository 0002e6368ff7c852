package fr.atelier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;

/** The HTTP half of the protocol: create a session, join it. */
final class Api implements AutoCloseable {
    record Created(String code, String hostToken) {}

    record Joined(String participantId, String rejoinToken, long latencyUs) {}

    /** A failed HTTP call, with its status (-1: no answer) and error code. */
    static final class HttpFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        HttpFailure(int status, String code, String message) {
            super(status + " " + code + ": " + message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    private final HttpClient client;
    private final String host;

    Api(Vertx vertx, String host, int poolSize) {
        this.host = host;
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setConnectTimeout(10_000).setIdleTimeout(30),
                new PoolOptions().setHttp1MaxSize(poolSize).setMaxWaitQueueSize(-1));
    }

    private Future<JsonNode> post(int port, String uri, String body, int expected) {
        return call(HttpMethod.POST, port, uri, body, expected);
    }

    /** A GET answered with JSON (status 200). */
    Future<JsonNode> get(int port, String uri) {
        return call(HttpMethod.GET, port, uri, null, 200);
    }

    private Future<JsonNode> call(HttpMethod method, int port, String uri, String body, int expected) {
        // setTimeout alone also arms a timer on the wait for a pooled connection; in Vert.x 5.0.7 that timer
        // can fire after the request got its connection and throw "IllegalStateException: Promise already
        // completed" on an event loop 15 s later, between rounds (fixed upstream, eclipse-vertx/vert.x#6170).
        // connectTimeout 0: no such timer; the socket's own connect timeout (10 s) and the 15-s idle
        // timeout of the request still apply, and runAll bounds how many requests wait for a connection.
        RequestOptions ro = new RequestOptions().setMethod(method).setHost(host).setPort(port).setURI(uri).setTimeout(15_000)
                .setConnectTimeout(0);
        if (body != null) {
            ro.putHeader("content-type", "application/json");
        }
        return client.request(ro)
                .compose(req -> body == null ? req.send() : req.send(Buffer.buffer(body)))
                .recover(e -> Future.failedFuture(new HttpFailure(-1, "io", String.valueOf(e.getMessage()))))
                .compose(resp -> resp.body().compose(b -> {
                    JsonNode n;
                    try {
                        n = Util.JSON.readTree(b.toString());
                    } catch (IOException e) {
                        return Future.failedFuture(new HttpFailure(resp.statusCode(), "invalid_json", b.toString()));
                    }
                    if (resp.statusCode() != expected) {
                        return Future.failedFuture(new HttpFailure(resp.statusCode(), n.path("error").path("code").asText("?"),
                                n.path("error").path("message").asText("")));
                    }
                    return Future.succeededFuture(n);
                }));
    }

    Future<Created> create(int port, String title) {
        return create(port, "poll", title);
    }

    Future<Created> create(int port, String format, String title) {
        String body = Util.JSON.createObjectNode().put("format", format).put("title", title).toString();
        return post(port, "/api/sessions", body, 201).map(n -> new Created(n.path("code").asText(), n.path("hostToken").asText()));
    }

    Future<Joined> join(int port, String code, String nickname) {
        long t0 = System.nanoTime();
        String body = "{\"nickname\":\"" + nickname + "\"}";
        return post(port, "/api/sessions/" + code + "/join", body, 201)
                .map(n -> new Joined(n.path("participantId").asText(), n.path("rejoinToken").asText(), (System.nanoTime() - t0) / 1000));
    }

    static String failureKey(String what, Throwable e) {
        if (e instanceof HttpFailure f) {
            return what + "." + (f.status < 0 ? "io" : f.status + "_" + f.code);
        }
        return what + ".failed";
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            client.close();
        }
    }
}
