package fr.atelier.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Node-to-node messages ({@link NodeMessage}) over Redis pub/sub: each node listens on its own channel. Used to forward
 * commands to a session's owner and to relay the owner's views back. Pub/sub is at-most-once:
 * requests time out into "try again" and clients resend under the same command id.
 */
public final class ClusterBus {
    public static final long REQUEST_TIMEOUT_MS = 3000;

    /** Raised when no node listens on the target channel: the owner is gone. */
    public static final class NodeGone extends RuntimeException {
        NodeGone(String node) {
            super("node " + node + " is not listening", null, false, false);
        }
    }

    private final Vertx vertx;
    private final LiveStore store;
    private final String nodeId;
    private final Context context;
    private final Map<String, Promise<JsonNode>> pending = new ConcurrentHashMap<>();
    /** The node each pending request went to. */
    private final Map<String, String> pendingTarget = new ConcurrentHashMap<>();
    private final Map<String, Consumer<String>> viewTargets = new ConcurrentHashMap<>();
    private BiFunction<String, NodeRequest, Future<JsonNode>> requestHandler;

    public ClusterBus(Vertx vertx, LiveStore store, String nodeId) {
        this.vertx = vertx;
        this.store = store;
        this.nodeId = nodeId;
        this.context = ((VertxInternal) vertx).createEventLoopContext();
    }

    public String nodeId() {
        return nodeId;
    }

    static String channel(String node) {
        return "atelier:node:" + node;
    }

    /** {@code handler(fromNode, request)} answers requests addressed to this node. */
    public Future<Void> start(BiFunction<String, NodeRequest, Future<JsonNode>> handler, Runnable onResubscribed) {
        this.requestHandler = handler;
        return store.subscribe(channel(nodeId), message -> context.runOnContext(v -> onMessage(message)),
                () -> context.runOnContext(v -> onResubscribed.run()));
    }

    Future<JsonNode> request(String node, NodeRequest body) {
        String id = Tokens.id("r");
        Promise<JsonNode> promise = Promise.promise();
        pending.put(id, promise);
        pendingTarget.put(id, node);
        long timer = vertx.setTimer(REQUEST_TIMEOUT_MS, t -> {
            Promise<JsonNode> p = pending.remove(id);
            if (p != null) {
                p.tryFail("no answer from node " + node);
            }
        });
        store.publish(channel(node), NodeCodec.write(new NodeMessage.Request(id, nodeId, body))).onComplete(ar -> {
            if (ar.failed() || ar.result() == 0) {
                vertx.cancelTimer(timer);
                Promise<JsonNode> p = pending.remove(id);
                if (p != null) {
                    p.tryFail(ar.failed() ? ar.cause() : new NodeGone(node));
                }
                if (ar.succeeded()) {
                    failRequestsTo(node);
                }
            }
        });
        return promise.future().onComplete(ar -> {
            vertx.cancelTimer(timer);
            pendingTarget.remove(id);
        });
    }

    /**
     * Nobody listens on {@code node}'s channel any more: it died (kill -9, crash) or lost Redis. The
     * requests already sent to it will never be answered, so they fail now with {@link NodeGone} (the
     * caller re-routes them to the new owner, and a resent command is applied once) rather than each
     * waiting out the request timeout and sending "unavailable" back to a client that must resend.
     */
    private void failRequestsTo(String node) {
        for (Map.Entry<String, String> e : pendingTarget.entrySet()) {
            if (node.equals(e.getValue())) {
                Promise<JsonNode> p = pending.remove(e.getKey());
                if (p != null) {
                    p.tryFail(new NodeGone(node));
                }
            }
        }
    }

    /** Sends a ready view frame to a listener on another node; fails with NodeGone if it left. */
    public Future<Void> sendView(String node, String listenerId, String frame) {
        return store.publish(channel(node), NodeCodec.write(new NodeMessage.View(listenerId, nodeId, frame))).compose(count -> count == 0
                ? Future.failedFuture(new NodeGone(node)) : Future.succeededFuture());
    }

    /** Where views sent to {@code listenerId} on this node go. */
    public void registerViewTarget(String listenerId, Consumer<String> target) {
        viewTargets.put(listenerId, target);
    }

    public void unregisterViewTarget(String listenerId) {
        viewTargets.remove(listenerId);
    }

    private void onMessage(String raw) {
        NodeMessage message = NodeCodec.read(raw);
        if (message instanceof NodeMessage.View v) {
            Consumer<String> target = viewTargets.get(v.listenerId());
            if (target != null) {
                target.accept(v.frame());
            } else if (v.from() != null) {
                // A relay that was replaced (the owner's lease changed): tell the owner to stop sending.
                request(v.from(), new NodeRequest.Detach(null, v.listenerId())).onFailure(e -> { });
            }
        } else if (message instanceof NodeMessage.Response r) {
            Promise<JsonNode> p = pending.remove(r.id());
            if (p != null) {
                if (r.ok()) {
                    p.tryComplete(r.body());
                } else {
                    p.tryFail(r.error());
                }
            }
        } else if (message instanceof NodeMessage.Request r) {
            requestHandler.apply(r.from(), r.body()).onComplete(ar -> store.publish(channel(r.from()), NodeCodec.write(ar.succeeded()
                    ? new NodeMessage.Response(r.id(), true, ar.result(), null)
                    : new NodeMessage.Response(r.id(), false, null, String.valueOf(ar.cause().getMessage())))));
        }
    }
}
