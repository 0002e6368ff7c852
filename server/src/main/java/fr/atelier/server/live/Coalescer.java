package fr.atelier.server.live;

import io.vertx.core.Vertx;

/**
 * Runs an action at once after a quiet spell, then at most once per interval while changes keep
 * coming; the last change is never dropped (a timer runs the action when the interval is over). The
 * interval grows with the action's own cost, so an expensive push (thousands of phones) cannot take
 * more than about a quarter of the thread. Not thread-safe: use it on the session's context.
 */
final class Coalescer {
    private static final int COST_FACTOR = 3;

    private final Vertx vertx;
    private final long minIntervalMs;
    private final Runnable action;
    private long lastRun;
    private long lastCostMs;
    private long timer = -1;

    Coalescer(Vertx vertx, long minIntervalMs, Runnable action) {
        this.vertx = vertx;
        this.minIntervalMs = minIntervalMs;
        this.action = action;
    }

    void changed() {
        if (timer >= 0) {
            return;
        }
        long interval = Math.max(minIntervalMs, COST_FACTOR * lastCostMs);
        long wait = lastRun + interval - System.currentTimeMillis();
        if (wait <= 0) {
            run();
        } else {
            timer = vertx.setTimer(wait, t -> {
                timer = -1;
                run();
            });
        }
    }

    void cancel() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private void run() {
        lastRun = System.currentTimeMillis();
        action.run();
        lastCostMs = System.currentTimeMillis() - lastRun;
    }
}
