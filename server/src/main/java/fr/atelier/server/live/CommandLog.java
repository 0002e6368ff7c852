package fr.atelier.server.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.Phase;
import fr.atelier.workshops.core.PlatformEvent;
import fr.atelier.workshops.core.Session;
import fr.atelier.workshops.core.SessionCodec;
import fr.atelier.workshops.core.SessionCommand;
import fr.atelier.workshops.core.SessionEvent;
import fr.atelier.workshops.core.SessionState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's commands, in order, on its context (no locks): decides each on the state after the
 * ones before it, appends the resulting events to the Redis stream under the actor's lease, and
 * acknowledges only once Redis confirmed. Commands that arrive while a write is in flight form the
 * next batch (group commit); while Redis is away they are held, then decided again in order.
 */
final class CommandLog<S> {
    private static final Logger LOG = LoggerFactory.getLogger(CommandLog.class);
    private static final Timer APPEND = Timer.builder("atelier_redis_append").description("Redis write of one batch of events")
            .publishPercentiles(0.5, 0.99).register(Metrics.globalRegistry);
    private static final DistributionSummary BATCH = DistributionSummary.builder("atelier_batch_commands")
            .description("commands acknowledged per Redis write (group commit)").register(Metrics.globalRegistry);
    private static final Counter ACKED = Counter.builder("atelier_commands").tag("outcome", "acknowledged").register(Metrics.globalRegistry);
    private static final Counter REJECTED = Counter.builder("atelier_commands").tag("outcome", "rejected").register(Metrics.globalRegistry);
    /** Events between snapshots (a restart or takeover replays at most this many from the stream). */
    static final int SNAPSHOT_EVERY = 5000;
    static final int DEDUPE_MEMORY = 100_000;
    /** Commands held while Redis is away (decision 33); past this, "try again". */
    static final int MAX_HELD = 50_000;
    /**
     * After an outage, the facilitator's (and timers') commands wait this long so that phones'
     * commands held on other nodes, forwarded once their Redis link is back, are applied first.
     */
    static final long SETTLE_MS = 1000;

    /** What the log tells its actor; called on the session's context. */
    interface Listener {
        /** Redis confirmed these events; {@code ended}: the session ended with them. */
        void committed(List<SessionEvent> events, boolean ended);

        /** Redis answers again after an outage: every view may have changed. */
        void resumed(boolean ended);

        /** Another node took the session while this log waited for Redis. */
        void handedOver();
    }

    private final Vertx vertx;
    private final LiveStore store;
    private final String sessionId;
    private final Session<S, ?, ?> session;
    private final SessionCodec codec;
    private final String nodeId;
    private final Listener listener;
    /** The fencing token of this log's lease ({@code node#epoch}): every append is checked against it. */
    private volatile String lease;
    private boolean retired;
    private volatile long lastActivity = System.currentTimeMillis();

    private SessionState<S> committed;
    private long committedSeq;
    private String lastStreamId;
    private SessionState<S> pending;
    private long pendingSeq;
    private long snapshotSeq;

    private final ArrayDeque<PendingCommand> queue = new ArrayDeque<>();
    private final Map<String, PendingCommand> inFlight = new HashMap<>();
    private final CommandIds done = new CommandIds(DEDUPE_MEMORY);
    private boolean writing;
    /** Redis refused or did not answer a write: commands are held, in arrival order, until it answers. */
    private boolean outage;
    private long outageStarted;
    private final ArrayDeque<PendingCommand> held = new ArrayDeque<>();
    /** Non-participant commands waiting for the end of the settling period after an outage. */
    private final ArrayDeque<PendingCommand> deferred = new ArrayDeque<>();
    private boolean settling;
    private final Backoff recovery = new Backoff(50, 500);

    CommandLog(Vertx vertx, LiveStore store, String sessionId, Session<S, ?, ?> session, SessionCodec codec, String nodeId,
               String lease, Listener listener) {
        this.vertx = vertx;
        this.store = store;
        this.sessionId = sessionId;
        this.session = session;
        this.codec = codec;
        this.nodeId = nodeId;
        this.lease = lease;
        this.listener = listener;
        this.committed = session.initialState();
        this.pending = committed;
    }

    /** Rebuilds the log from its Redis snapshot and the stream tail. */
    Future<Void> load() {
        return store.loadSnapshot(sessionId).compose(snapshot -> {
            if (snapshot != null) {
                restoreSnapshot(snapshot);
            }
            return catchUp();
        }).map(v -> {
            snapshotIfDue(false);
            return null;
        });
    }

    /** Applies every batch written after the last one this log knows of. */
    private Future<Void> catchUp() {
        return store.readAfter(sessionId, lastStreamId).map(batches -> {
            for (LiveStore.Batch b : batches) {
                List<SessionEvent> events = codec.readEvents(b.eventsJson());
                SessionState<S> s = committed;
                for (SessionEvent e : events) {
                    s = session.evolve(s, e);
                }
                committed = s;
                committedSeq = b.firstSeq() + events.size() - 1;
                lastStreamId = b.streamId();
                done.remember(b.commandKeysJson(), committedSeq);
            }
            pending = committed;
            pendingSeq = committedSeq;
            return null;
        });
    }

    private void restoreSnapshot(String json) {
        SessionSnapshot<S> snapshot = SessionSnapshot.read(codec, json);
        committed = snapshot.state();
        committedSeq = snapshot.seq();
        snapshotSeq = committedSeq;
        lastStreamId = snapshot.streamId();
        snapshot.commandIds().forEach(e -> done.put(e.getKey(), e.getValue()));
        pending = committed;
        pendingSeq = committedSeq;
    }

    /** Takes one command; call on the session's context. */
    Future<Outcome> submit(Actor who, String clientId, SessionCommand command) {
        if (retired) {
            return Future.succeededFuture(Outcome.unavailable());
        }
        lastActivity = System.currentTimeMillis();
        String key = dedupeKey(who, clientId);
        Long doneSeq = done.get(key);
        if (doneSeq != null) {
            return Future.succeededFuture(Outcome.ack(doneSeq));
        }
        PendingCommand same = inFlight.get(key);
        if (same != null) {
            return same.promise.future();
        }
        PendingCommand pc = new PendingCommand(key, who, command);
        if (outage) {
            if (held.size() >= MAX_HELD) {
                return Future.succeededFuture(Outcome.unavailable());
            }
            inFlight.put(key, pc);
            held.add(pc);
            return pc.promise.future();
        }
        if (settling && !(who instanceof Actor.Participant)) {
            inFlight.put(key, pc);
            deferred.add(pc);
            return pc.promise.future();
        }
        inFlight.put(key, pc);
        decideAndQueue(pc);
        flush();
        return pc.promise.future();
    }

    /** Decides a command on the state after every command queued before it; accepted ones join the next write. */
    private void decideAndQueue(PendingCommand pc) {
        Decision<SessionEvent> decision;
        try {
            decision = session.decide(pending, pc.who, pc.command, Instant.now());
        } catch (RuntimeException e) {
            LOG.atError().setCause(e).addKeyValue("session", sessionId).log("decider failed");
            inFlight.remove(pc.key);
            pc.promise.complete(Outcome.reject("invalid", "Cette action n'a pas pu être traitée."));
            return;
        }
        if (decision instanceof Decision.Rejected<SessionEvent> r) {
            REJECTED.increment();
            inFlight.remove(pc.key);
            pc.promise.complete(Outcome.reject(r.code(), r.message()));
            return;
        }
        List<SessionEvent> events = ((Decision.Accepted<SessionEvent>) decision).events();
        for (SessionEvent e : events) {
            pending = session.evolve(pending, e);
        }
        pendingSeq += events.size();
        pc.events = events;
        pc.lastSeq = pendingSeq;
        queue.add(pc);
    }

    private static String dedupeKey(Actor who, String clientId) {
        return Wire.actor(who) + "|" + clientId;
    }

    private void flush() {
        if (writing || outage || queue.isEmpty()) {
            return;
        }
        List<PendingCommand> batch = new ArrayList<>(queue);
        queue.clear();
        List<SessionEvent> events = new ArrayList<>();
        ArrayNode keys = Json.MAPPER.createArrayNode();
        for (PendingCommand pc : batch) {
            events.addAll(pc.events);
            if (!pc.events.isEmpty()) {
                keys.add(pc.key);
            }
        }
        SessionState<S> after = pending;
        long lastSeq = pendingSeq;
        if (events.isEmpty()) {
            // Nothing to write (idempotent commands), but earlier writes may be in this batch's past: all done.
            complete(batch);
            return;
        }
        long firstSeq = committedSeq + 1;
        writing = true;
        long started = System.nanoTime();
        store.appendAsOwner(sessionId, lease, firstSeq, codec.writeEvents(events), keys.toString()).onComplete(ar -> {
            writing = false;
            if (retired) {
                refuse(batch);
                return;
            }
            if (ar.succeeded()) {
                APPEND.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                BATCH.record(batch.size());
                ACKED.increment(batch.size());
                committed = after;
                committedSeq = lastSeq;
                lastStreamId = ar.result();
                complete(batch);
                if (outage) {
                    // The lease was lost while this write was in flight: the queue went back to the held commands.
                    pending = committed;
                    pendingSeq = committedSeq;
                }
                boolean endedNow = events.stream().anyMatch(e -> e instanceof PlatformEvent.SessionEnded);
                snapshotIfDue(endedNow);
                listener.committed(events, endedNow);
                flush();
            } else {
                writeFailed(batch, ar.cause());
            }
        });
    }

    private void complete(List<PendingCommand> batch) {
        for (PendingCommand pc : batch) {
            inFlight.remove(pc.key);
            // A command that changed nothing (same answer again) is acknowledged at the seq of the state
            // it was decided on: an ack's seq always names a state that already included the command's effect.
            long seq = pc.lastSeq;
            if (!pc.events.isEmpty()) {
                done.put(pc.key, seq);
            }
            pc.promise.complete(Outcome.ack(seq));
        }
    }

    /**
     * A write failed or timed out: it may or may not be in Redis. The commands of the batch and those
     * queued behind it are held, in arrival order, with every command that arrives until Redis answers
     * again; then the stream is re-read (a write that did land is recognised by its command ids) and
     * the held commands are decided again, in order (decision 33). One log line per outage.
     */
    private void writeFailed(List<PendingCommand> batch, Throwable cause) {
        List<PendingCommand> again = new ArrayList<>(batch);
        again.addAll(queue);
        queue.clear();
        for (int i = again.size() - 1; i >= 0; i--) {
            again.get(i).events = null;
            held.addFirst(again.get(i));
        }
        pending = committed;
        pendingSeq = committedSeq;
        startOutage(LiveStore.notOwner(cause) ? "lease lost" : "Redis write failed: " + cause.getMessage());
    }

    private void startOutage(String why) {
        if (outage || retired) {
            return;
        }
        outage = true;
        outageStarted = System.currentTimeMillis();
        // Commands decided but not yet written are decided again after the outage, in the same order.
        while (!queue.isEmpty()) {
            PendingCommand pc = queue.pollLast();
            pc.events = null;
            held.addFirst(pc);
        }
        if (!writing) {
            pending = committed;
            pendingSeq = committedSeq;
        }
        recovery.reset();
        LOG.atWarn().addKeyValue("session", sessionId).log(why + ": holding commands until Redis answers");
        vertx.setTimer(recovery.next(), t -> recover());
    }

    /** The registry could not renew this actor's lease: take it back if it is free, else hand the session over. */
    void leaseLost() {
        startOutage("lease lost");
    }

    /**
     * Retried with back-off (50 ms doubling to 500 ms) until Redis answers: keeps or takes back the
     * lease under a new fencing token, catches up with the stream, then applies the held commands.
     */
    private void recover() {
        if (retired) {
            return;
        }
        if (writing) {
            vertx.setTimer(recovery.next(), t -> recover());
            return;
        }
        store.owner(sessionId).compose(current -> {
            if (lease.equals(current)) {
                return Future.succeededFuture(true);
            }
            if (current != null) {
                return Future.succeededFuture(false);
            }
            return store.acquireLease(sessionId, nodeId, SessionRegistry.LEASE_TTL_MS).map(token -> {
                if (token != null) {
                    lease = token;
                }
                return token != null;
            });
        }).compose(ours -> ours ? catchUp().map(true) : Future.succeededFuture(false)).onComplete(ar -> {
            if (retired) {
                return;
            }
            if (ar.failed()) {
                vertx.setTimer(recovery.next(), t -> recover());
                return;
            }
            if (!ar.result()) {
                LOG.atWarn().addKeyValue("session", sessionId).log("another node took the session while Redis was away: handing it over");
                listener.handedOver();
                return;
            }
            endOutage();
        });
    }

    private void endOutage() {
        outage = false;
        LOG.atInfo().addKeyValue("session", sessionId).log("resumed after " + (System.currentTimeMillis() - outageStarted)
                + " ms (Redis answers, lease held " + lease + "): applying " + held.size() + " held commands at seq " + committedSeq);
        boolean endedNow = committed.platform().phase() == Phase.ENDED;
        snapshotIfDue(endedNow);
        listener.resumed(endedNow);
        // Participants first, in arrival order; the facilitator's and timers' commands after the settling period.
        settling = true;
        while (!held.isEmpty()) {
            PendingCommand pc = held.poll();
            Long doneSeq = done.get(pc.key);
            if (doneSeq != null) {
                inFlight.remove(pc.key);
                pc.promise.complete(Outcome.ack(doneSeq));
            } else if (pc.who instanceof Actor.Participant) {
                decideAndQueue(pc);
            } else {
                deferred.add(pc);
            }
        }
        flush();
        vertx.setTimer(SETTLE_MS, t -> endSettling());
    }

    private void endSettling() {
        settling = false;
        if (outage || retired) {
            held.addAll(deferred);
            deferred.clear();
            return;
        }
        while (!deferred.isEmpty()) {
            decideAndQueue(deferred.poll());
        }
        flush();
    }

    /** Answers "try again" to every command this actor still holds: it no longer owns the session. */
    private void refuse(List<PendingCommand> batch) {
        List<PendingCommand> all = new ArrayList<>(batch);
        all.addAll(queue);
        all.addAll(held);
        all.addAll(deferred);
        queue.clear();
        held.clear();
        deferred.clear();
        for (PendingCommand pc : all) {
            inFlight.remove(pc.key);
            pc.promise.tryComplete(Outcome.unavailable());
        }
    }


    private void snapshotIfDue(boolean ended) {
        if (committedSeq - snapshotSeq >= SNAPSHOT_EVERY || (ended && committedSeq > snapshotSeq)) {
            snapshot();
        }
    }

    /**
     * Writes the state and the most recent command ids to Redis. The state is immutable, so it is
     * serialised on a worker thread (in order, one snapshot at a time): a snapshot of a 2,500-person
     * session takes tens of milliseconds that answer acknowledgements would otherwise wait behind.
     */
    private void snapshot() {
        SessionSnapshot<S> snapshot = SessionSnapshot.of(committed, committedSeq, lastStreamId, done);
        long seq = snapshot.seq();
        snapshotSeq = seq;
        vertx.executeBlocking(() -> snapshot.write(codec)).compose(json -> store.saveSnapshot(sessionId, json)).onFailure(e -> {
            LOG.atWarn().addKeyValue("session", sessionId).log("snapshot failed: " + e);
            snapshotSeq = Math.min(snapshotSeq, seq - SNAPSHOT_EVERY);
        });
    }

    /** From now on every command is answered "try again" (the lease is lost or the node stops). */
    void retire() {
        retired = true;
        if (!writing) {
            refuse(List.of());
        }
    }

    boolean retired() {
        return retired;
    }

    /** The last acknowledged state. */
    SessionState<S> committed() {
        return committed;
    }

    long committedSeq() {
        return committedSeq;
    }

    String lease() {
        return lease;
    }

    long lastActivity() {
        return lastActivity;
    }
}
