package fr.atelier.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.SessionCodec;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers other nodes' requests about the sessions hosted here: identities, forwarded commands,
 * queries, and relays of views back to the asking node. "notowner" sends the asker to the new owner.
 */
final class OwnerRequests {
    private final ClusterBus bus;
    private final Function<String, SessionActor<?>> hosted;
    /** Relays attached by other nodes, by {@code node/listenerId}. */
    private final Map<String, RemoteViewListener> relays = new ConcurrentHashMap<>();

    OwnerRequests(ClusterBus bus, Function<String, SessionActor<?>> hosted) {
        this.bus = bus;
        this.hosted = hosted;
    }

    Future<JsonNode> handle(String from, NodeRequest request) {
        if (request instanceof NodeRequest.Detach d) {
            RemoteViewListener listener = relays.remove(from + "/" + d.listenerId());
            if (listener != null) {
                listener.actor.detach(listener);
            }
            return Future.succeededFuture(NodeCodec.empty());
        }
        SessionActor<?> actor = request.sessionId() == null ? null : hosted.apply(request.sessionId());
        if (actor == null) {
            return Future.failedFuture("notowner");
        }
        if (request instanceof NodeRequest.Identify r) {
            return actor.identify(r.role(), r.token()).map(NodeCodec::identified);
        }
        if (request instanceof NodeRequest.Submit r) {
            try {
                var command = actor.codec().readAnyCommand(r.command());
                return actor.submit(r.actor(), r.clientId(), command).map(NodeCodec::submitted);
            } catch (SessionCodec.BadCommand e) {
                return Future.failedFuture(e.getMessage());
            }
        }
        if (request instanceof NodeRequest.Attach r) {
            RemoteViewListener listener = new RemoteViewListener(r.audience(), from, r.listenerId(), actor);
            relays.put(from + "/" + r.listenerId(), listener);
            return actor.attach(listener).map(v -> NodeCodec.empty());
        }
        if (request instanceof NodeRequest.Query r) {
            return actor.query(r.name(), r.token())
                    .recover(e -> Future.failedFuture(e instanceof SecurityException ? "unauthorized" : String.valueOf(e.getMessage())));
        }
        return Future.failedFuture("unknown op " + ((NodeRequest.Unknown) request).op());
    }

    /** A listener on another node: views go there over the bus; it is dropped when that node is gone. */
    private final class RemoteViewListener implements ViewListener {
        private final Audience audience;
        private final String node;
        private final String lid;
        private final SessionActor<?> actor;

        RemoteViewListener(Audience audience, String node, String lid, SessionActor<?> actor) {
            this.audience = audience;
            this.node = node;
            this.lid = lid;
            this.actor = actor;
        }

        @Override
        public Audience audience() {
            return audience;
        }

        @Override
        public void send(String frame) {
            bus.sendView(node, lid, frame).onFailure(e -> {
                if (e instanceof ClusterBus.NodeGone) {
                    relays.remove(node + "/" + lid);
                    actor.detach(this);
                }
            });
        }
    }
}
