package fr.atelier.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.workshops.core.Json;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Node-to-node messages over Redis pub/sub: each node listens on its own channel. Used to forward
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
    private BiFunction<String, JsonNode, Future<JsonNode>> requestHandler;

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
    public Future<Void> start(BiFunction<String, JsonNode, Future<JsonNode>> handler, Runnable onResubscribed) {
        this.requestHandler = handler;
        return store.subscribe(channel(nodeId), message -> context.runOnContext(v -> onMessage(message)),
                () -> context.runOnContext(v -> onResubscribed.run()));
    }

    public Future<JsonNode> request(String node, ObjectNode body) {
        String id = Tokens.id("r");
        body.put("k", "req").put("id", id).put("from", nodeId);
        Promise<JsonNode> promise = Promise.promise();
        pending.put(id, promise);
        pendingTarget.put(id, node);
        long timer = vertx.setTimer(REQUEST_TIMEOUT_MS, t -> {
            Promise<JsonNode> p = pending.remove(id);
            if (p != null) {
                p.tryFail("no answer from node " + node);
            }
        });
        store.publish(channel(node), body.toString()).onComplete(ar -> {
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
        ObjectNode n = Json.MAPPER.createObjectNode().put("k", "view").put("lid", listenerId).put("from", nodeId).put("f", frame);
        return store.publish(channel(node), n.toString()).compose(count -> count == 0
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
        JsonNode message;
        try {
            message = Json.MAPPER.readTree(raw);
        } catch (IOException e) {
            return;
        }
        switch (message.path("k").asText()) {
            case "view" -> {
                Consumer<String> target = viewTargets.get(message.path("lid").asText());
                if (target != null) {
                    target.accept(message.path("f").asText());
                } else if (message.hasNonNull("from")) {
                    // A relay that was replaced (the owner's lease changed): tell the owner to stop sending.
                    request(message.get("from").asText(), Json.MAPPER.createObjectNode().put("op", "detach")
                            .put("lid", message.path("lid").asText())).onFailure(e -> { });
                }
            }
            case "res" -> {
                Promise<JsonNode> p = pending.remove(message.path("id").asText());
                if (p != null) {
                    if (message.path("ok").asBoolean()) {
                        p.tryComplete(message.get("body"));
                    } else {
                        p.tryFail(message.path("error").asText("error"));
                    }
                }
            }
            case "req" -> {
                String from = message.path("from").asText();
                String id = message.path("id").asText();
                requestHandler.apply(from, message).onComplete(ar -> {
                    ObjectNode res = Json.MAPPER.createObjectNode().put("k", "res").put("id", id).put("ok", ar.succeeded());
                    if (ar.succeeded()) {
                        res.set("body", ar.result());
                    } else {
                        res.put("error", String.valueOf(ar.cause().getMessage()));
                    }
                    store.publish(channel(from), res.toString());
                });
            }
            default -> { }
        }
    }
}
