package fr.atelier.server.live;

/** Retry delays that double from {@code min} to {@code max}: quick at first, never hammering. */
final class Backoff {
    private final long min;
    private final long max;
    private long current;

    Backoff(long minMs, long maxMs) {
        this.min = minMs;
        this.max = maxMs;
        this.current = minMs;
    }

    long next() {
        long d = current;
        current = Math.min(max, current * 2);
        return d;
    }

    void reset() {
        current = min;
    }
}
