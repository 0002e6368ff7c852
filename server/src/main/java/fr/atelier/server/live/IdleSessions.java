package fr.atelier.server.live;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.PlatformCommand;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No session lost (issue 18, item 2): a session with no event for the idle time is ended by the
 * system and archived like any other. The clock is Redis's: the time of the session's last stream
 * entry, so the sweep survives restarts; every node sweeps, and the end is one command to the
 * session's owner under one command id, so it happens once.
 */
public final class IdleSessions {
    private static final Logger LOG = LoggerFactory.getLogger(IdleSessions.class);
    public static final Duration DEFAULT_IDLE_END = Duration.ofHours(12);
    /** Sweeps at most every minute; a short idle time (tests) is swept at a quarter of it. */
    static final long MAX_SWEEP_MS = 60_000;
    static final String COMMAND_ID = "idle-end";

    private final Vertx vertx;
    private final LiveStore store;
    private final SessionRegistry registry;
    private final Duration idleEnd;
    private long timer = -1;
    private boolean sweeping;
    /** Ended but not archived yet (PostgreSQL away): not asked again by this node. */
    private final java.util.Set<String> ended = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public IdleSessions(Vertx vertx, LiveStore store, SessionRegistry registry, Duration idleEnd) {
        this.vertx = vertx;
        this.store = store;
        this.registry = registry;
        this.idleEnd = idleEnd;
    }

    /**
     * {@code ATELIER_IDLE_END_HOURS}: hours (decimals allowed, "0.01" is 36 s) from 0.001 to 720 (the
     * 30 days a live session's keys live), default 12. Throws with one French/English line otherwise.
     */
    public static Duration idleEnd(Map<String, String> env) {
        String v = env.get("ATELIER_IDLE_END_HOURS");
        if (v == null || v.isBlank()) {
            return DEFAULT_IDLE_END;
        }
        try {
            BigDecimal hours = new BigDecimal(v.strip());
            if (hours.compareTo(new BigDecimal("0.001")) >= 0 && hours.compareTo(BigDecimal.valueOf(720)) <= 0) {
                return Duration.ofMillis(hours.multiply(BigDecimal.valueOf(3_600_000)).longValue());
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("ATELIER_IDLE_END_HOURS attend un nombre d’heures entre 0.001 et 720, par exemple 12 (« "
                + v.strip() + " ») : corrigez-le ou retirez-le (12 par défaut). / ATELIER_IDLE_END_HOURS expects a number of hours"
                + " between 0.001 and 720, e.g. 12 (\"" + v.strip() + "\"): fix it or remove it (default 12).");
    }

    public IdleSessions start() {
        long every = Math.max(1_000, Math.min(MAX_SWEEP_MS, idleEnd.toMillis() / 4));
        timer = vertx.setPeriodic(every, every, t -> sweep(System.currentTimeMillis()));
        return this;
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Ends every open session idle at {@code nowMillis}; returns how many were ended by this call. */
    public Future<Integer> sweep(long nowMillis) {
        if (sweeping) {
            return Future.succeededFuture(0);
        }
        sweeping = true;
        return store.openSessions().compose(ids -> {
            Future<Integer> chain = Future.succeededFuture(0);
            for (String id : ids) {
                chain = chain.compose(n -> endIfIdle(id, nowMillis).map(ended -> ended ? n + 1 : n)
                        .recover(e -> {
                            LOG.atWarn().addKeyValue("session", id).log("idle check failed: " + e.getMessage());
                            return Future.succeededFuture(n);
                        }));
            }
            return chain;
        }).onComplete(ar -> sweeping = false);
    }

    private Future<Boolean> endIfIdle(String sessionId, long nowMillis) {
        return store.lastEventMillis(sessionId).compose(last -> {
            if (last == null) {
                // Its log expired or was erased: nothing left to end.
                return store.forgetOpen(sessionId).map(false);
            }
            if (nowMillis - last < idleEnd.toMillis()) {
                return Future.succeededFuture(false);
            }
            if (ended.contains(sessionId)) {
                return Future.succeededFuture(false);
            }
            return registry.byId(sessionId)
                    .compose(h -> h == null ? Future.succeededFuture(new Outcome(false, 0, "session_ended", "gone"))
                            : h.submit(Actor.SYSTEM, COMMAND_ID, new PlatformCommand.EndIdle(last)))
                    .compose(outcome -> {
                        if (outcome.accepted()) {
                            LOG.atInfo().addKeyValue("session", sessionId).addKeyValue("idleSince", last)
                                    .log("idle session ended by the system");
                            return Future.succeededFuture(true);
                        }
                        if ("session_ended".equals(outcome.code())) {
                            ended.add(sessionId);
                            // Already ended: the archive takes it off the list once written.
                            return Future.succeededFuture(false);
                        }
                        return Future.failedFuture(outcome.code() + ": " + outcome.message());
                    });
        });
    }
}
