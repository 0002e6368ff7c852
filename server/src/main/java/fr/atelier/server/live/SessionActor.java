package fr.atelier.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.workshops.core.ActivityCommand;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.Phase;
import fr.atelier.workshops.core.PlatformState;
import fr.atelier.workshops.core.Session;
import fr.atelier.workshops.core.SessionCodec;
import fr.atelier.workshops.core.SessionCommand;
import fr.atelier.workshops.core.SessionEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hosts one live session on one Vert.x context (no locks): its {@link CommandLog} orders, decides
 * and writes commands; its {@link ViewFanOut} pushes views once Redis confirmed; the actor answers
 * identities and queries, runs the format's deadlines and says when the session ended.
 */
public final class SessionActor<S> implements SessionHandle, CommandLog.Listener {
    private final Vertx vertx;
    private final Context context;
    private final String sessionId;
    private final Session<S, ?, ?> session;
    private final SessionCodec codec;
    private final SessionEndedListener onEnded;
    private final CommandLog<S> log;
    private final ViewFanOut<S> views;
    private Runnable onHandedOver = () -> { };
    private volatile boolean ended;
    private long deadlineTimer = -1;
    private Instant scheduledDeadline;

    private SessionActor(Vertx vertx, Context context, LiveStore store, String sessionId, Session<S, ?, ?> session,
                         SessionEndedListener onEnded, String nodeId, String lease) {
        this.vertx = vertx;
        this.context = context;
        this.sessionId = sessionId;
        this.session = session;
        this.codec = new SessionCodec(session.format());
        this.onEnded = onEnded;
        this.log = new CommandLog<>(vertx, store, sessionId, session, codec, nodeId, lease, this);
        this.views = new ViewFanOut<>(vertx, sessionId, session, codec, log::committed, log::committedSeq);
    }

    /** Rebuilds a session from its Redis snapshot and the stream tail. Runs on {@code context}. */
    static <S> Future<SessionActor<S>> load(Vertx vertx, Context context, LiveStore store, String sessionId,
                                            Session<S, ?, ?> session, SessionEndedListener onEnded, String nodeId,
                                            String lease) {
        SessionActor<S> actor = new SessionActor<>(vertx, context, store, sessionId, session, onEnded, nodeId, lease);
        return actor.log.load().map(v -> {
            actor.ended = actor.log.committed().platform().phase() == Phase.ENDED;
            actor.scheduleDeadline();
            return actor;
        });
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public SessionCodec codec() {
        return codec;
    }

    @Override
    public long knownSeq() {
        return log.committedSeq();
    }

    /** Runs {@code action} on the session's context. */
    private <T> Future<T> call(Supplier<T> action) {
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
        return call(() -> log.submit(who, clientId, command)).compose(f -> f);
    }

    // ---- what the command log tells -------------------------------------------------------------

    @Override
    public void committed(List<SessionEvent> events, boolean endedNow) {
        views.publish(events);
        afterCommit(endedNow);
    }

    @Override
    public void resumed(boolean endedNow) {
        views.publishAll();
        afterCommit(endedNow);
    }

    @Override
    public void handedOver() {
        onHandedOver.run();
    }

    private void afterCommit(boolean endedNow) {
        ended = log.committed().platform().phase() == Phase.ENDED;
        scheduleDeadline();
        if (endedNow) {
            onEnded.sessionEnded(sessionId);
        }
    }

    /** Timers are data (a phase's deadline in the state): the format's expiry command is sent when it passes. */
    private void scheduleDeadline() {
        Instant deadline = log.committed().platform().phase() == Phase.ENDED ? null
                : session.format().nextDeadline(log.committed().activity());
        if (Objects.equals(deadline, scheduledDeadline)) {
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
            Object expire = session.format().timeUp(log.committed().activity(), fired);
            if (expire != null) {
                log.submit(Actor.SYSTEM, "deadline:" + fired.toEpochMilli(), new ActivityCommand(expire));
            }
        });
    }

    // ---- life cycle ---------------------------------------------------------------------------

    /**
     * This node lost the session's lease (or shuts down): refuse everything from now on, stop timers
     * and forget listeners; the session's reference re-attaches them to the new owner.
     */
    public Future<Void> retire() {
        return call(() -> {
            log.retire();
            if (deadlineTimer >= 0) {
                vertx.cancelTimer(deadlineTimer);
            }
            views.clear();
            return null;
        });
    }

    public boolean retired() {
        return log.retired();
    }

    /** The fencing token this actor writes under. */
    public String lease() {
        return log.lease();
    }

    /** The registry could not renew this actor's lease: take it back if it is free, else hand the session over. */
    void leaseLost() {
        call(() -> {
            log.leaseLost();
            return null;
        });
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
        return log.lastActivity();
    }

    // ---- views ------------------------------------------------------------------------------

    @Override
    public Future<Void> attach(ViewListener listener) {
        return call(() -> {
            views.attach(listener);
            return null;
        });
    }

    @Override
    public void detach(ViewListener listener) {
        call(() -> {
            views.detach(listener);
            return null;
        });
    }

    public int listenerCount() {
        return views.listenerCount();
    }

    // ---- identities and queries ---------------------------------------------------------------

    @Override
    public Future<Identity> identify(String role, String token) {
        return call(() -> {
            switch (role) {
                case "facilitator" -> {
                    return isHost(token) ? new Identity(Audience.FACILITATOR, Actor.FACILITATOR, log.committedSeq())
                            : new Identity(null, null, log.committedSeq());
                }
                case "participant" -> {
                    return participantFor(token)
                            .map(id -> new Identity(new Audience.Participant(id), Actor.participant(id), log.committedSeq()))
                            .orElse(new Identity(null, null, log.committedSeq()));
                }
                default -> {
                    return new Identity(Audience.PROJECTOR, null, log.committedSeq());
                }
            }
        });
    }

    @Override
    public Future<JsonNode> query(String name, String token) {
        return call(() -> {
            if (name.equals("info")) {
                PlatformState p = log.committed().platform();
                ObjectNode out = Json.MAPPER.createObjectNode();
                out.put("code", p.code()).put("title", p.title()).put("format", p.format())
                        .put("formatTitle", session.format().title()).put("phase", p.phase().name())
                        .put("joiningOpen", p.joiningOpen()).put("participantCount", session.participantCount(log.committed()));
                return out;
            }
            if (name.equals("synthesis")) {
                if (!isHost(token)) {
                    throw new SecurityException("not the host");
                }
                return Json.MAPPER.valueToTree(Synthesis.fromLive(session, log.committed()));
            }
            throw new IllegalArgumentException("unknown query " + name);
        });
    }

    private boolean isHost(String token) {
        return Tokens.matches(token, log.committed().platform().hostTokenHash());
    }

    /** The participant holding this rejoin token, if any (an index look-up by the token's hash). */
    private Optional<String> participantFor(String token) {
        if (token == null) {
            return Optional.empty();
        }
        return log.committed().platform().roster().idForTokenHash(Tokens.hash(token));
    }
}
