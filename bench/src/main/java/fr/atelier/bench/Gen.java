package fr.atelier.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.internal.VertxInternal;
import java.util.concurrent.TimeUnit;

/** The load generator's own Vert.x: a few event loops (contexts pinned to each), one WebSocket client, one HTTP client. */
final class Gen implements AutoCloseable {
    final Vertx vertx;
    final Context[] ctxs;
    final WebSocketClient ws;
    final Api api;

    Gen(Options o, String localAddress, boolean withApi) {
        this(o, localAddress, withApi ? o.joinConcurrency : 0);
    }

    /** {@code httpPool}: HTTP connections per server for joins (0: no HTTP client). */
    Gen(Options o, String localAddress, int httpPool) {
        vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(o.eventLoops)
                .setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(2)
                .setBlockedThreadCheckInterval(10)
                .setBlockedThreadCheckIntervalUnit(TimeUnit.SECONDS));
        ctxs = new Context[o.eventLoops];
        for (int i = 0; i < ctxs.length; i++) {
            ctxs[i] = ((VertxInternal) vertx).createEventLoopContext(); // round robin over the event loops
        }
        WebSocketClientOptions wso = new WebSocketClientOptions()
                .setMaxConnections(1_000_000) // the default is 50 per endpoint
                .setMaxFrameSize(1 << 20)
                .setMaxMessageSize(64 << 20) // the facilitator's view lists every participant
                .setConnectTimeout(30_000)
                .setTcpNoDelay(true);
        if (localAddress != null) {
            wso.setLocalAddress(localAddress);
        }
        // Any exception escaping a handler is an error of the run (it was only logged, and the run passed).
        vertx.exceptionHandler(Bench::uncaught);
        ws = vertx.createWebSocketClient(wso);
        api = httpPool > 0 ? new Api(vertx, o.host, httpPool) : null;
    }

    Context ctx(int i) {
        return ctxs[i % ctxs.length];
    }

    @Override
    public void close() {
        try {
            if (api != null) {
                api.close();
            }
            ws.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            Bench.log("generator close: %s", e);
        }
    }
}
