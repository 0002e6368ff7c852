package fr.atelier.server.live;

import fr.atelier.workshops.core.Format;
import fr.atelier.workshops.core.Formats;
import fr.atelier.workshops.core.PlatformEvent;
import fr.atelier.workshops.core.Session;
import fr.atelier.workshops.core.SessionCodec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which node hosts which session. A session is owned by one node through a Redis lease renewed
 * every second; any node accepts any connection and reaches the owner through a {@link SessionRef}.
 * When the owner dies its lease expires and the next node that needs the session takes it over
 * from the snapshot and the stream tail.
 */
public final class SessionRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);
    static final long LEASE_TTL_MS = 3000;
    static final long LEASE_RENEW_MS = 1000;
    static final int REROUTE_ATTEMPTS = 30;
    static final long REROUTE_PAUSE_MS = 200;
    /** Pauses granted to a live previous owner to take its lapsed lease back (10 × 200 ms). */
    static final int GRACE_ATTEMPTS = 10;
    /** A hosted session nobody watches or uses is released from memory after this (reloaded on demand). */
    static final long IDLE_EVICT_MS = 10 * 60_000;
    /** An ended session reloaded (a phone on its end screen reconnected) is released again after this. */
    static final long ENDED_EVICT_MS = 30_000;

    private final Vertx vertx;
    private final LiveStore store;
    private final Formats formats;
    private final SessionEndedListener onEnded;
    private final ClusterBus bus;
    private final String nodeId;
    private final List<Context> contexts = new ArrayList<>();
    private final Map<String, Future<SessionRef>> refs = new ConcurrentHashMap<>();
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final Map<String, Future<Void>> routing = new ConcurrentHashMap<>();
    private final long leaseTimer;

    /** What the creator of a session gets back once, including the host secret. */
    public record Created(String sessionId, String code, String hostToken) {}

    public SessionRegistry(Vertx vertx, LiveStore store, Formats formats, SessionEndedListener onEnded, String nodeId) {
        this.vertx = vertx;
        this.store = store;
        this.formats = formats;
        this.onEnded = onEnded;
        this.nodeId = nodeId;
        this.bus = new ClusterBus(vertx, store, nodeId);
        int loops = Math.max(1, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < loops; i++) {
            contexts.add(((VertxInternal) vertx).createEventLoopContext());
        }
        OwnerRequests requests = new OwnerRequests(bus, this::hosted);
        bus.start(requests::handle, this::busResubscribed).await();
        leaseTimer = vertx.setPeriodic(LEASE_RENEW_MS, t -> maintainLeases());
    }

    public Formats formats() {
        return formats;
    }

    public String nodeId() {
        return nodeId;
    }

    // ---- creation and look-up ----------------------------------------------------------------

    public Future<Created> create(Format<?, ?, ?> format, String title) {
        String sessionId = Tokens.id("s_");
        return create(format, title, sessionId, claimCode(sessionId, 0));
    }

    /**
     * Creates the live session of a session prepared ahead with the code reserved for it by
     * {@code holder} (issue 14); fails with "code_lost" if the reservation is gone.
     */
    public Future<Created> create(Format<?, ?, ?> format, String title, String reservedCode, String holder) {
        String sessionId = Tokens.id("s_");
        return create(format, title, sessionId, store.handOverCode(reservedCode, holder, sessionId)
                .compose(ok -> ok ? Future.succeededFuture(reservedCode) : Future.failedFuture(new IllegalStateException("code_lost"))));
    }

    private Future<Created> create(Format<?, ?, ?> format, String title, String sessionId, Future<String> claimed) {
        String hostToken = Tokens.secret();
        return claimed.compose(code -> {
            Session<?, ?, ?> session = new Session<>(format);
            PlatformEvent.SessionCreated created = session.create(code, title, Tokens.hash(hostToken), Instant.now());
            SessionCodec codec = new SessionCodec(format);
            return store.saveMeta(sessionId, Map.of("format", format.id(), "code", code, "createdAt", Long.toString(created.at())))
                    .compose(v -> store.append(sessionId, 1, codec.writeEvents(List.of(created)), "[]"))
                    .compose(id -> store.markOpen(sessionId, created.at()).map(id))
                    .map(id -> {
                        codes.put(code, sessionId);
                        LOG.atInfo().addKeyValue("session", sessionId).addKeyValue("code", code)
                                .addKeyValue("format", format.id()).log("session created");
                        return new Created(sessionId, code, hostToken);
                    });
        });
    }

    private Future<String> claimCode(String sessionId, int attempt) {
        String code = Tokens.joinCode();
        return store.claimCode(code, sessionId).compose(ok -> {
            if (ok) {
                return Future.succeededFuture(code);
            }
            if (attempt > 20) {
                return Future.failedFuture(new IllegalStateException("no free join code"));
            }
            return claimCode(sessionId, attempt + 1);
        });
    }

    /** The session id for a join code, or null if no live session has it. */
    public Future<String> sessionIdFor(String code) {
        String known = codes.get(code);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return store.sessionIdForCode(code).map(id -> {
            // A code reserved by a session prepared ahead ("plan:…") is no live session yet: not cached.
            if (id == null || !id.startsWith("s_")) {
                return null;
            }
            codes.put(code, id);
            return id;
        });
    }

    /** This node's handle on the session with this code; null if the code is unknown. */
    public Future<SessionHandle> byCode(String code) {
        return sessionIdFor(code).compose(id -> id == null ? Future.succeededFuture(null) : byId(id));
    }

    public Future<SessionHandle> byId(String sessionId) {
        Future<SessionRef> existing = refs.get(sessionId);
        if (existing == null) {
            Promise<SessionRef> promise = Promise.promise();
            existing = refs.putIfAbsent(sessionId, promise.future());
            if (existing == null) {
                existing = promise.future();
                store.meta(sessionId).map(meta -> {
                    if (meta == null || meta.isEmpty()) {
                        return null;
                    }
                    Format<?, ?, ?> format = formats.find(meta.get("format"))
                            .orElseThrow(() -> new IllegalStateException("unknown format " + meta.get("format")));
                    return new SessionRef(this, bus, sessionId, new SessionCodec(format));
                }).onComplete(ar -> {
                    if (ar.failed() || ar.result() == null) {
                        refs.remove(sessionId);
                    }
                    promise.handle(ar);
                });
            }
        }
        return existing.map(ref -> (SessionHandle) ref);
    }

    // ---- ownership -------------------------------------------------------------------------------

    /** Makes sure the reference knows where its session lives, taking the session over if nobody holds it. */
    Future<Void> ensureRouted(SessionRef ref) {
        if (ref.local != null && !ref.local.retired()) {
            return Future.succeededFuture();
        }
        if (ref.owner != null && !ref.ownerSuspect) {
            return Future.succeededFuture();
        }
        // Not computeIfAbsent(id, id -> resolve(...).onComplete(remove)): when Redis answers before the
        // listener is attached, resolve() comes back already complete, the listener runs inside
        // computeIfAbsent and remove() throws "Recursive update" to the caller (a hello or a command
        // that then never gets an answer).
        String id = ref.sessionId();
        Future<Void> running = routing.get(id);
        if (running != null) {
            return running;
        }
        Promise<Void> promise = Promise.promise();
        running = routing.putIfAbsent(id, promise.future());
        if (running != null) {
            return running;
        }
        resolve(ref, 0).onComplete(ar -> {
            routing.remove(id, promise.future());
            promise.handle(ar);
        });
        return promise.future();
    }

    private Future<Void> resolve(SessionRef ref, int attempt) {
        String sessionId = ref.sessionId();
        return store.owner(sessionId).compose(lease -> {
            if (lease == null) {
                String previous = ref.owner;
                if (previous != null && !previous.equals(nodeId) && attempt < GRACE_ATTEMPTS) {
                    // A previous owner that still listens (alive, its lease lapsed in a Redis outage or a
                    // pause) takes its session back itself, with the commands it holds: leave it a moment.
                    return store.subscribers(ClusterBus.channel(previous)).compose(n -> n > 0
                            ? pause(REROUTE_PAUSE_MS).compose(v -> resolve(ref, attempt + 1))
                            : takeLease(ref, attempt));
                }
                return takeLease(ref, attempt);
            }
            String owner = LiveStore.leaseNode(lease);
            if (owner.equals(nodeId)) {
                // Our own lease, but no actor here holds it (a previous actor retired): let it expire.
                if (attempt > REROUTE_ATTEMPTS) {
                    return Future.failedFuture("lease held by a retired actor");
                }
                return pause(REROUTE_PAUSE_MS).compose(v -> resolve(ref, attempt + 1));
            }
            if (lease.equals(ref.ownerLease) && ref.ownerSuspect) {
                // The owner stopped answering but its lease still runs: wait for it to expire. If it
                // keeps renewing, it is alive (only slow): trust it again rather than refuse forever.
                if (attempt > REROUTE_ATTEMPTS) {
                    ref.ownerSuspect = false;
                    return Future.succeededFuture();
                }
                return pause(REROUTE_PAUSE_MS).compose(v -> resolve(ref, attempt + 1));
            }
            // Relays follow the lease's fencing token, not the node's name: a node that lost its lease
            // and took it back has new listeners to be attached to (issue 12).
            boolean changed = !lease.equals(ref.ownerLease) || ref.local != null;
            ref.local = null;
            ref.owner = owner;
            ref.ownerLease = lease;
            ref.ownerSuspect = false;
            if (changed) {
                ref.rehome();
            }
            return Future.succeededFuture();
        });
    }

    private Future<Void> takeLease(SessionRef ref, int attempt) {
        return store.acquireLease(ref.sessionId(), nodeId, LEASE_TTL_MS).compose(token -> token != null
                ? becomeOwner(ref, token)
                : resolve(ref, attempt + 1));
    }

    private Future<Void> becomeOwner(SessionRef ref, String lease) {
        String sessionId = ref.sessionId();
        Context context = contexts.get(Math.floorMod(sessionId.hashCode(), contexts.size()));
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            Session<?, ?, ?> session = new Session<>(ref.codec().format());
            SessionActor.load(vertx, context, store, sessionId, session, onEnded, nodeId, lease).onComplete(ar -> {
                if (ar.failed()) {
                    store.releaseLease(sessionId, lease);
                    done.fail(ar.cause());
                    return;
                }
                LOG.atInfo().addKeyValue("session", sessionId).addKeyValue("node", nodeId).addKeyValue("lease", lease).log("hosting session");
                SessionActor<?> actor = ar.result();
                actor.onHandedOver(() -> handOver(ref, actor));
                ref.local = actor;
                ref.owner = nodeId;
                ref.ownerLease = lease;
                ref.ownerSuspect = false;
                ref.dormant = false;
                ref.rehome();
                done.complete();
            });
        });
        return done.future();
    }

    /**
     * Renews the leases of sessions hosted here (an actor that lost its lease takes it back if it is
     * free, else hands over); notices leases that changed elsewhere, the same node's new epoch included.
     */
    private void maintainLeases() {
        long now = System.currentTimeMillis();
        for (Future<SessionRef> f : refs.values()) {
            if (!f.succeeded()) {
                continue;
            }
            SessionRef ref = f.result();
            SessionActor<?> actor = ref.local;
            if (actor != null && !actor.retired()) {
                if (ref.listenerCount() == 0 && actor.listenerCount() == 0 && now - actor.lastActivity() > IDLE_EVICT_MS) {
                    LOG.atInfo().addKeyValue("session", ref.sessionId()).log("idle and unwatched: released from memory");
                    evictNow(ref.sessionId());
                    continue;
                }
                if (actor.ended() && now - actor.lastActivity() > ENDED_EVICT_MS) {
                    store.meta(ref.sessionId()).onSuccess(meta -> {
                        if (meta != null && meta.containsKey("archivedAt") && ref.local == actor) {
                            evict(ref.sessionId());
                        }
                    });
                }
                String lease = actor.lease();
                store.renewLease(ref.sessionId(), lease, LEASE_TTL_MS).onSuccess(kept -> {
                    if (!kept && lease.equals(actor.lease())) {
                        actor.leaseLost();
                    }
                });
            } else if (ref.owner != null && !ref.dormant && ref.listenerCount() > 0) {
                store.owner(ref.sessionId()).onSuccess(lease -> {
                    if (lease == null || !lease.equals(ref.ownerLease)) {
                        relayOwnerChanged(ref, lease);
                    }
                });
            }
        }
    }

    /**
     * The lease of a session relayed here changed or vanished. An archived session is left alone:
     * its watchers keep their final view and nobody loads it again just to show it (issue 12).
     */
    private void relayOwnerChanged(SessionRef ref, String lease) {
        if (lease != null) {
            ref.ownerSuspect = true;
            ensureRouted(ref);
            return;
        }
        store.meta(ref.sessionId()).onSuccess(meta -> {
            if (meta != null && meta.containsKey("archivedAt")) {
                ref.dormant = true;
            } else {
                ref.ownerSuspect = true;
                ensureRouted(ref);
            }
        });
    }

    /** Another node took the session while this actor waited for Redis: forget it here and follow the new owner. */
    private void handOver(SessionRef ref, SessionActor<?> actor) {
        actor.retire().onComplete(x -> {
            if (ref.local == actor) {
                ref.local = null;
                ref.owner = null;
                ref.ownerLease = null;
            }
            ensureRouted(ref);
        });
    }

    /** This node's pub/sub link came back: owners may have dropped relays to us while it was down. */
    private void busResubscribed() {
        for (Future<SessionRef> f : refs.values()) {
            if (f.succeeded() && f.result().local == null && f.result().owner != null && !f.result().dormant) {
                f.result().rehome();
            }
        }
    }

    Future<Void> pause(long ms) {
        Promise<Void> p = Promise.promise();
        vertx.setTimer(ms, t -> p.complete());
        return p.future();
    }

    /** The actor hosting this session here, or null when another node hosts it (or nobody). */
    private SessionActor<?> hosted(String sessionId) {
        Future<SessionRef> f = refs.get(sessionId);
        SessionActor<?> actor = f != null && f.succeeded() ? f.result().local : null;
        return actor == null || actor.retired() ? null : actor;
    }

    // ---- life cycle -------------------------------------------------------------------------------

    /**
     * Releases a session hosted here once archived, even while phones still show its end screen: they
     * keep their final view, and a command from one of them loads the session again (issue 12).
     */
    public void evict(String sessionId) {
        Future<SessionRef> f = refs.get(sessionId);
        if (f == null || !f.succeeded() || f.result().local == null) {
            return;
        }
        SessionRef ref = f.result();
        if (ref.listenerCount() == 0 && ref.local.listenerCount() == 0) {
            evictNow(sessionId);
            return;
        }
        SessionActor<?> actor = ref.local;
        ref.dormant = true;
        ref.local = null;
        ref.owner = null;
        ref.ownerLease = null;
        actor.retire().onComplete(v -> store.releaseLease(sessionId, actor.lease()));
    }

    private void evictNow(String sessionId) {
        Future<SessionRef> f = refs.remove(sessionId);
        SessionActor<?> actor = f == null || !f.succeeded() ? null : f.result().local;
        if (actor != null) {
            actor.retire().onComplete(v -> store.releaseLease(sessionId, actor.lease()));
        }
    }

    /** Graceful stop: hand every hosted session back so another node (or a restart) takes it at once. */
    public Future<Void> close() {
        vertx.cancelTimer(leaseTimer);
        List<Future<?>> all = new ArrayList<>();
        for (Future<SessionRef> f : refs.values()) {
            if (f.succeeded() && f.result().local != null) {
                SessionActor<?> actor = f.result().local;
                all.add(actor.retire().compose(v -> store.releaseLease(actor.sessionId(), actor.lease())));
            }
        }
        return Future.join(all).mapEmpty();
    }

    public int hostedCount() {
        int n = 0;
        for (Future<SessionRef> f : refs.values()) {
            if (f.succeeded() && f.result().local != null && !f.result().local.retired()) {
                n++;
            }
        }
        return n;
    }
}
