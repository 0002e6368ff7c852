package fr.atelier.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.SessionCodec;
import fr.atelier.workshops.core.SessionCommand;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * This node's handle on one session, wherever the session is hosted: it routes to the local actor
 * when this node owns the session, else to the owner node over the cluster bus, and moves its
 * listeners when the owner changes (a node died or shut down).
 */
final class SessionRef implements SessionHandle {
    private final SessionRegistry registry;
    private final ClusterBus bus;
    private final String sessionId;
    private final SessionCodec codec;
    volatile SessionActor<?> local;
    volatile String owner;
    /** The owner's lease token ({@code node#epoch}) that the relays here are attached under. */
    volatile String ownerLease;
    volatile boolean ownerSuspect;
    /** Archived and released by its owner: watchers keep their final view, nothing is relayed or reloaded for them. */
    volatile boolean dormant;
    /** The latest session seq seen through this node (acks, identities, relayed views): told to clients in pongs. */
    private final java.util.concurrent.atomic.AtomicLong seenSeq = new java.util.concurrent.atomic.AtomicLong(-1);
    /** Listeners attached through this node, with their id on the owner when it is remote. */
    private final Map<ViewListener, String> listeners = new ConcurrentHashMap<>();

    SessionRef(SessionRegistry registry, ClusterBus bus, String sessionId, SessionCodec codec) {
        this.registry = registry;
        this.bus = bus;
        this.sessionId = sessionId;
        this.codec = codec;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public SessionCodec codec() {
        return codec;
    }

    /** Runs on the local actor or on the owner; if the owner is gone, waits for a new one (a few seconds at most). */
    private <T> Future<T> routed(Function<SessionActor<?>, Future<T>> onLocal, Function<String, Future<T>> onRemote, int attempt) {
        return registry.ensureRouted(this).compose(v -> {
            SessionActor<?> actor = local;
            if (actor != null) {
                return onLocal.apply(actor);
            }
            String node = owner;
            return onRemote.apply(node).recover(e -> {
                boolean moved = e instanceof ClusterBus.NodeGone || "notowner".equals(e.getMessage());
                if (moved && attempt < SessionRegistry.REROUTE_ATTEMPTS) {
                    if (node != null && node.equals(owner)) {
                        ownerSuspect = true;
                    }
                    return registry.pause(SessionRegistry.REROUTE_PAUSE_MS).compose(x -> routed(onLocal, onRemote, attempt + 1));
                }
                return Future.failedFuture(e);
            });
        });
    }

    @Override
    public Future<Identity> identify(String role, String token) {
        return routed(actor -> actor.identify(role, token), node -> {
            return bus.request(node, new NodeRequest.Identify(sessionId, role, token)).map(b -> {
                Identity id = NodeCodec.identity(b);
                seen(id.seq());
                return id;
            });
        }, 0);
    }

    @Override
    public Future<Outcome> submit(Actor who, String clientId, SessionCommand command) {
        return submit(who, clientId, command, System.currentTimeMillis(), new Backoff(50, 500));
    }

    /**
     * While the owner cannot be reached (Redis, which carries node-to-node messages, is away) the
     * command is held here and resent with back-off, up to {@link #HOLD_MS}; resending is safe, the
     * owner applies each command id once. The client gets its answer within a second of Redis's return.
     */
    private Future<Outcome> submit(Actor who, String clientId, SessionCommand command, long since, Backoff backoff) {
        return routed(actor -> actor.submit(who, clientId, command), node -> {
            return bus.request(node, new NodeRequest.Submit(sessionId, who, clientId, codec.writeCommand(command)))
                    .map(NodeCodec::outcome);
        }, 0).recover(e -> Future.succeededFuture(Outcome.unavailable())).compose(o -> {
            if (!o.accepted() && "unavailable".equals(o.code()) && System.currentTimeMillis() - since < HOLD_MS) {
                return registry.pause(backoff.next()).compose(v -> submit(who, clientId, command, since, backoff));
            }
            if (o.accepted()) {
                seen(o.seq());
            }
            return Future.succeededFuture(o);
        });
    }

    static final long HOLD_MS = 30_000;

    void seen(long seq) {
        seenSeq.accumulateAndGet(seq, Math::max);
    }

    @Override
    public long knownSeq() {
        SessionActor<?> actor = local;
        return actor != null ? Math.max(actor.knownSeq(), seenSeq.get()) : seenSeq.get();
    }

    @Override
    public Future<JsonNode> query(String name, String token) {
        return routed(actor -> actor.query(name, token), node -> {
            return bus.request(node, new NodeRequest.Query(sessionId, name, token));
        }, 0);
    }

    @Override
    public Future<Void> attach(ViewListener listener) {
        listeners.put(listener, "");
        return attachTo(listener);
    }

    private Future<Void> attachTo(ViewListener listener) {
        return routed(actor -> {
            listeners.replace(listener, "");
            return actor.attach(listener);
        }, node -> {
            String lid = Tokens.id("l");
            listeners.replace(listener, lid);
            bus.registerViewTarget(lid, frame -> {
                seen(Wire.frameSeq(frame));
                listener.send(frame);
            });
            return bus.request(node, new NodeRequest.Attach(sessionId, lid, listener.audience())).mapEmpty();
        }, 0);
    }

    @Override
    public void detach(ViewListener listener) {
        String lid = listeners.remove(listener);
        if (lid == null) {
            return;
        }
        detachFrom(listener, lid);
    }

    private void detachFrom(ViewListener listener, String lid) {
        SessionActor<?> actor = local;
        if (lid.isEmpty()) {
            if (actor != null) {
                actor.detach(listener);
            }
            return;
        }
        bus.unregisterViewTarget(lid);
        String node = owner;
        if (node != null) {
            bus.request(node, new NodeRequest.Detach(sessionId, lid)).onFailure(e -> { });
        }
    }

    /** The owner changed: move every listener to the new one. */
    void rehome() {
        for (Map.Entry<ViewListener, String> e : listeners.entrySet()) {
            String lid = e.getValue();
            if (!lid.isEmpty()) {
                bus.unregisterViewTarget(lid);
            }
            attachTo(e.getKey());
        }
    }

    int listenerCount() {
        return listeners.size();
    }
}
