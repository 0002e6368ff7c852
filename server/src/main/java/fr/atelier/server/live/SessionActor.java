package fr.atelier.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import fr.atelier.workshops.core.ActivityCommand;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Impact;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.Phase;
import fr.atelier.workshops.core.PlatformState;
import fr.atelier.workshops.core.PlatformEvent;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.Session;
import fr.atelier.workshops.core.SessionCodec;
import fr.atelier.workshops.core.SessionCommand;
import fr.atelier.workshops.core.SessionEvent;
import fr.atelier.workshops.core.SessionState;
import fr.atelier.workshops.core.SessionView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts one live session on one Vert.x context (no locks): takes commands in order, decides,
 * appends the resulting events to Redis, and only once Redis confirmed does it acknowledge and push
 * views. Commands that arrive while a write is in flight form the next batch (group commit).
 */
public final class SessionActor<S> implements SessionHandle {
    private static final Logger LOG = LoggerFactory.getLogger(SessionActor.class);
    private static final Timer APPEND = Timer.builder("atelier_redis_append").description("Redis write of one batch of events")
            .publishPercentiles(0.5, 0.99).register(Metrics.globalRegistry);
    private static final DistributionSummary BATCH = DistributionSummary.builder("atelier_batch_commands")
            .description("commands acknowledged per Redis write (group commit)").register(Metrics.globalRegistry);
    private static final Counter ACKED = Counter.builder("atelier_commands").tag("outcome", "acknowledged").register(Metrics.globalRegistry);
    private static final Counter REJECTED = Counter.builder("atelier_commands").tag("outcome", "rejected").register(Metrics.globalRegistry);
    /** Projector and console views are coalesced to at most one per this delay during bursts. */
    static final long AGGREGATE_INTERVAL_MS = 100;
    /**
     * Views for some phones only (an answer, a team's answer seen by its members) are coalesced the
     * same way: in a burst each phone gets at most one view per this delay, while the first change
     * after a quiet spell goes out at once. Room-wide changes (a question shown) are never delayed.
     */
    static final long PHONE_INTERVAL_MS = 100;
    /** Events between snapshots (a restart or takeover replays at most this many from the stream). */
    static final int SNAPSHOT_EVERY = 5000;
    static final int DEDUPE_MEMORY = 100_000;
    /**
     * Command ids kept in a snapshot: the most recent ones. Older ids are also in the stream entries
     * after the snapshot is taken, and a client resends within seconds, not 20,000 commands later.
     */
    static final int DEDUPE_IN_SNAPSHOT = 20_000;
    /** Commands held while Redis is away (decision 33); past this, "try again". */
    static final int MAX_HELD = 50_000;
    /**
     * After an outage, the facilitator's (and timers') commands wait this long so that phones'
     * commands held on other nodes, forwarded once their Redis link is back, are applied first.
     */
    static final long SETTLE_MS = 1000;

    private final Vertx vertx;
    private final Context context;
    private final LiveStore store;
    private final String sessionId;
    private final Session<S, ?, ?> session;
    private final SessionCodec codec;
    private final SessionEndedListener onEnded;
    private final String nodeId;
    /** The fencing token of this actor's lease ({@code node#epoch}): every append is checked against it. */
    private volatile String lease;
    private Runnable onHandedOver = () -> { };
    private boolean retired;
    private volatile long lastActivity = System.currentTimeMillis();
    private volatile boolean ended;

    private SessionState<S> committed;
    private long committedSeq;
    private String lastStreamId;
    private SessionState<S> pending;
    private long pendingSeq;
    private long snapshotSeq;

    private final ArrayDeque<PendingCommand> queue = new ArrayDeque<>();
    private final Map<String, PendingCommand> inFlight = new HashMap<>();
    private final LinkedHashMap<String, Long> done = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > DEDUPE_MEMORY;
        }
    };
    private boolean writing;
    /** Redis refused or did not answer a write: commands are held, in arrival order, until it answers. */
    private boolean outage;
    private long outageStarted;
    private final ArrayDeque<PendingCommand> held = new ArrayDeque<>();
    /** Non-participant commands waiting for the end of the settling period after an outage. */
    private final ArrayDeque<PendingCommand> deferred = new ArrayDeque<>();
    private boolean settling;
    private final Backoff recovery = new Backoff(50, 500);

    private final Map<String, List<ViewListener>> phones = new HashMap<>();
    private final List<ViewListener> screens = new ArrayList<>();
    private final List<ViewListener> consoles = new ArrayList<>();
    private final Coalescer aggregates;
    private final Set<String> dirtyPhones = new HashSet<>();
    private final Coalescer phoneViews;
    private long deadlineTimer = -1;
    private Instant scheduledDeadline;

    /** A command from its arrival to its answer; decided (events set) only when it is its turn. */
    private static final class PendingCommand {
        final String key;
        final Actor who;
        final SessionCommand command;
        List<SessionEvent> events;
        long lastSeq;
        final Promise<Outcome> promise = Promise.promise();

        PendingCommand(String key, Actor who, SessionCommand command) {
            this.key = key;
            this.who = who;
            this.command = command;
        }
    }

    private SessionActor(Vertx vertx, Context context, LiveStore store, String sessionId, Session<S, ?, ?> session,
                         SessionEndedListener onEnded, String nodeId, String lease) {
        this.nodeId = nodeId;
        this.lease = lease;
        this.vertx = vertx;
        this.context = context;
        this.store = store;
        this.sessionId = sessionId;
        this.session = session;
        this.codec = new SessionCodec(session.format());
        this.onEnded = onEnded;
        this.committed = session.initialState();
        this.pending = committed;
        this.aggregates = new Coalescer(vertx, AGGREGATE_INTERVAL_MS, this::pushAggregates);
        this.phoneViews = new Coalescer(vertx, PHONE_INTERVAL_MS, this::pushPhones);
    }

    /** Rebuilds a session from its Redis snapshot and the stream tail. Runs on {@code context}. */
    static <S> Future<SessionActor<S>> load(Vertx vertx, Context context, LiveStore store, String sessionId,
                                            Session<S, ?, ?> session, SessionEndedListener onEnded, String nodeId,
                                            String lease) {
        SessionActor<S> actor = new SessionActor<>(vertx, context, store, sessionId, session, onEnded, nodeId, lease);
        return store.loadSnapshot(sessionId)
                .map(snapshot -> {
                    if (snapshot != null) {
                        actor.restoreSnapshot(snapshot);
                    }
                    return actor;
                })
                .compose(a -> a.catchUp())
                .map(v -> {
                    actor.afterCommit(false);
                    return actor;
                });
    }

    /** Applies every batch written after the last one this actor knows of. */
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
                rememberKeys(b.commandKeysJson(), committedSeq);
            }
            pending = committed;
            pendingSeq = committedSeq;
            return null;
        });
    }

    private void rememberKeys(String keysJson, long seq) {
        if (keysJson == null) {
            return;
        }
        try {
            for (JsonNode k : Json.MAPPER.readTree(keysJson)) {
                done.put(k.asText(), seq);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private void restoreSnapshot(String json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            committed = (SessionState<S>) codec.readSnapshot(node.get("state").toString());
            committedSeq = node.get("seq").asLong();
            snapshotSeq = committedSeq;
            lastStreamId = node.get("streamId").asText();
            node.get("dedupe").fields().forEachRemaining(f -> done.put(f.getKey(), f.getValue().asLong()));
            pending = committed;
            pendingSeq = committedSeq;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    public Context context() {
        return context;
    }

    public Session<S, ?, ?> session() {
        return session;
    }

    @Override
    public SessionCodec codec() {
        return codec;
    }

    /** The last acknowledged state. Call on the session's context. */
    public SessionState<S> state() {
        return committed;
    }

    public long seq() {
        return committedSeq;
    }

    @Override
    public long knownSeq() {
        return committedSeq;
    }

    /** Runs {@code action} on the session's context. */
    public <T> Future<T> call(java.util.function.Supplier<T> action) {
        if (Vertx.currentContext() == context) {
            return Future.succeededFuture(action.get());
        }
        Promise<T> p = Promise.promise();
        context.runOnContext(v -> {
            try {
                p.complete(action.get());
            } catch (RuntimeException e) {
                p.fail(e);
            }
        });
        return p.future();
    }

    @Override
    public Future<Outcome> submit(Actor who, String clientId, SessionCommand command) {
        return call(() -> submitHere(who, clientId, command)).compose(f -> f);
    }

    private Future<Outcome> submitHere(Actor who, String clientId, SessionCommand command) {
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
                APPEND.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
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
                publish(events);
                afterCommit(events.stream().anyMatch(e -> e instanceof PlatformEvent.SessionEnded));
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
        call(() -> {
            startOutage("lease lost");
            return null;
        });
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
                onHandedOver.run();
                return;
            }
            endOutage();
        });
    }

    private void endOutage() {
        outage = false;
        LOG.atInfo().addKeyValue("session", sessionId).log("resumed after " + (System.currentTimeMillis() - outageStarted)
                + " ms (Redis answers, lease held " + lease + "): applying " + held.size() + " held commands at seq " + committedSeq);
        publishAll();
        afterCommit(committed.platform().phase() == Phase.ENDED);
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

    private void afterCommit(boolean ended) {
        this.ended = committed.platform().phase() == Phase.ENDED;
        scheduleDeadline();
        if (committedSeq - snapshotSeq >= SNAPSHOT_EVERY || (ended && committedSeq > snapshotSeq)) {
            snapshot();
        }
        if (ended) {
            onEnded.sessionEnded(sessionId);
        }
    }

    /**
     * Writes the state and the most recent command ids to Redis. The state is immutable, so it is
     * serialised on a worker thread (in order, one snapshot at a time): a snapshot of a 2,500-person
     * session takes tens of milliseconds that answer acknowledgements would otherwise wait behind.
     */
    private void snapshot() {
        long seq = committedSeq;
        String streamId = lastStreamId;
        SessionState<S> state = committed;
        List<Map.Entry<String, Long>> recent = new ArrayList<>(Math.min(done.size(), DEDUPE_IN_SNAPSHOT));
        int skip = Math.max(0, done.size() - DEDUPE_IN_SNAPSHOT);
        for (Map.Entry<String, Long> e : done.entrySet()) {
            if (skip-- <= 0) {
                recent.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        snapshotSeq = seq;
        vertx.executeBlocking(() -> {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("seq", seq);
            node.put("streamId", streamId);
            node.set("state", Json.MAPPER.readTree(codec.writeSnapshot(state)));
            ObjectNode dedupe = node.putObject("dedupe");
            for (Map.Entry<String, Long> e : recent) {
                dedupe.put(e.getKey(), e.getValue());
            }
            return node.toString();
        }).compose(json -> store.saveSnapshot(sessionId, json)).onFailure(e -> {
            LOG.atWarn().addKeyValue("session", sessionId).log("snapshot failed: " + e);
            snapshotSeq = Math.min(snapshotSeq, seq - SNAPSHOT_EVERY);
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void scheduleDeadline() {
        Instant deadline = ((fr.atelier.workshops.core.Format) session.format()).nextDeadline(committed.activity());
        if (committed.platform().phase() == Phase.ENDED) {
            deadline = null;
        }
        if (java.util.Objects.equals(deadline, scheduledDeadline)) {
            return;
        }
        if (deadlineTimer >= 0) {
            vertx.cancelTimer(deadlineTimer);
            deadlineTimer = -1;
        }
        scheduledDeadline = deadline;
        if (deadline == null) {
            return;
        }
        long delay = Math.max(1, deadline.toEpochMilli() - System.currentTimeMillis());
        Instant fired = deadline;
        deadlineTimer = vertx.setTimer(delay, t -> {
            deadlineTimer = -1;
            scheduledDeadline = null;
            Object expire = ((fr.atelier.workshops.core.Format) session.format()).expire(committed.activity(), fired);
            if (expire != null) {
                submitHere(Actor.SYSTEM, "deadline:" + fired.toEpochMilli(), new ActivityCommand(expire));
            }
        });
    }

    /**
     * This node lost the session's lease (or shuts down): refuse everything from now on, stop timers
     * and forget listeners; the session's reference re-attaches them to the new owner.
     */
    public Future<Void> retire() {
        return call(() -> {
            retired = true;
            if (!writing) {
                refuse(List.of());
            }
            if (deadlineTimer >= 0) {
                vertx.cancelTimer(deadlineTimer);
            }
            aggregates.cancel();
            phoneViews.cancel();
            dirtyPhones.clear();
            phones.clear();
            screens.clear();
            consoles.clear();
            return null;
        });
    }

    public boolean retired() {
        return retired;
    }

    /** The fencing token this actor writes under. */
    public String lease() {
        return lease;
    }

    /** Called once if another node took the session while this actor waited for Redis. */
    void onHandedOver(Runnable action) {
        this.onHandedOver = action;
    }

    /** The session is over (its actor is released once archived). */
    boolean ended() {
        return ended;
    }

    /** When this actor last received a command (for the eviction of idle, unwatched sessions). */
    long lastActivity() {
        return lastActivity;
    }

    // ---- views ------------------------------------------------------------------------------

    @Override
    public Future<Void> attach(ViewListener listener) {
        return call(() -> {
            Audience a = listener.audience();
            if (a instanceof Audience.Participant p) {
                phones.computeIfAbsent(p.id(), k -> new ArrayList<>(1)).add(listener);
            } else if (a instanceof Audience.Facilitator) {
                consoles.add(listener);
            } else {
                screens.add(listener);
            }
            deliver(listener, viewFrame(a));
            return null;
        });
    }

    @Override
    public void detach(ViewListener listener) {
        call(() -> {
            Audience a = listener.audience();
            if (a instanceof Audience.Participant p) {
                List<ViewListener> list = phones.get(p.id());
                if (list != null) {
                    list.remove(listener);
                    if (list.isEmpty()) {
                        phones.remove(p.id());
                    }
                }
            } else {
                consoles.remove(listener);
                screens.remove(listener);
            }
            return null;
        });
    }

    public int listenerCount() {
        int n = screens.size() + consoles.size();
        for (List<ViewListener> l : phones.values()) {
            n += l.size();
        }
        return n;
    }

    private String viewFrame(Audience audience) {
        return viewFrame(audience, null);
    }

    /**
     * {@code shared}: the activity parts already written for this state. Phones often see the same
     * activity view (every phone before it answers, a team's members after a team answer): equal
     * views are written once and shared, and only each phone's own parts are written per phone.
     */
    private String viewFrame(Audience audience, Map<Object, RawValue> shared) {
        SessionView view = session.view(committed, audience);
        if (shared != null && view.activity() != null) {
            RawValue activity = shared.computeIfAbsent(view.activity(), a -> new RawValue(codec.write(a)));
            view = new SessionView(view.audience(), view.session(), view.me(), view.participants(), view.satisfaction(), activity);
        }
        // "ts": server time at send, so clients (and the load benchmark) can measure delivery latency.
        return "{\"type\":\"view\",\"seq\":" + committedSeq + ",\"ts\":" + System.currentTimeMillis()
                + ",\"view\":" + codec.write(view) + "}";
    }

    private void publish(List<SessionEvent> events) {
        boolean all = false;
        Set<String> touched = new HashSet<>();
        for (SessionEvent e : events) {
            Impact impact = session.impact(e);
            if (impact.allParticipants()) {
                all = true;
                break;
            }
            touched.addAll(impact.participants());
        }
        if (all) {
            publishAll();
            return;
        }
        dirtyPhones.addAll(touched);
        phonesChanged();
        aggregatesChanged();
    }

    private void phonesChanged() {
        if (!dirtyPhones.isEmpty()) {
            phoneViews.changed();
        }
    }

    private void pushPhones() {
        Map<Object, RawValue> shared = new HashMap<>();
        for (String id : dirtyPhones) {
            sendToPhone(id, shared);
        }
        dirtyPhones.clear();
    }

    private void publishAll() {
        dirtyPhones.clear(); // every phone gets this state now
        Map<Object, RawValue> shared = new HashMap<>();
        for (String id : phones.keySet()) {
            sendToPhone(id, shared);
        }
        aggregatesChanged();
    }

    private void sendToPhone(String participantId, Map<Object, RawValue> shared) {
        List<ViewListener> listeners = phones.get(participantId);
        if (listeners == null || listeners.isEmpty()) {
            return;
        }
        String frame = viewFrame(new Audience.Participant(participantId), shared);
        for (ViewListener l : List.copyOf(listeners)) {
            deliver(l, frame);
        }
    }

    /** One listener's failure (a socket closing right now) never stops the others' views. */
    private void deliver(ViewListener listener, String frame) {
        try {
            listener.send(frame);
        } catch (RuntimeException e) {
            LOG.atDebug().addKeyValue("session", sessionId).log("view not delivered: " + e);
        }
    }

    private void aggregatesChanged() {
        aggregates.changed();
    }

    private void pushAggregates() {
        if (!screens.isEmpty()) {
            String frame = viewFrame(Audience.PROJECTOR);
            for (ViewListener l : List.copyOf(screens)) {
                deliver(l, frame);
            }
        }
        if (!consoles.isEmpty()) {
            String frame = viewFrame(Audience.FACILITATOR);
            for (ViewListener l : List.copyOf(consoles)) {
                deliver(l, frame);
            }
        }
    }

    // ---- identities and queries ---------------------------------------------------------------

    @Override
    public Future<Identity> identify(String role, String token) {
        return call(() -> {
            switch (role) {
                case "facilitator" -> {
                    return isHost(token) ? new Identity(Audience.FACILITATOR, Actor.FACILITATOR, committedSeq)
                            : new Identity(null, null, committedSeq);
                }
                case "participant" -> {
                    return participantFor(token)
                            .map(id -> new Identity(new Audience.Participant(id), Actor.participant(id), committedSeq))
                            .orElse(new Identity(null, null, committedSeq));
                }
                default -> {
                    return new Identity(Audience.PROJECTOR, null, committedSeq);
                }
            }
        });
    }

    @Override
    public Future<JsonNode> query(String name, String token) {
        return call(() -> {
            if (name.equals("info")) {
                PlatformState p = committed.platform();
                ObjectNode out = Json.MAPPER.createObjectNode();
                out.put("code", p.code()).put("title", p.title()).put("format", p.format())
                        .put("formatTitle", session.format().title()).put("phase", p.phase().name())
                        .put("joiningOpen", p.joiningOpen()).put("participantCount", p.roster().activeCount());
                return out;
            }
            if (name.equals("synthesis")) {
                if (!isHost(token)) {
                    throw new SecurityException("not the host");
                }
                return Json.MAPPER.valueToTree(fr.atelier.server.live.Synthesis.fromLive(session, committed));
            }
            throw new IllegalArgumentException("unknown query " + name);
        });
    }

    public boolean isHost(String token) {
        return Tokens.matches(token, committed.platform().hostTokenHash());
    }

    /** The participant holding this rejoin token, if any (an index look-up by the token's hash). */
    public Optional<String> participantFor(String token) {
        if (token == null) {
            return Optional.empty();
        }
        return committed.platform().roster().idForTokenHash(Tokens.hash(token));
    }
}
