package fr.atelier.server.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets by key (an address, or a session code and an address): each holds up to
 * {@code capacity} tokens and regains {@code perMinute} a minute, so a burst is allowed and a steady
 * rate is enforced, without the cliff of a fixed window. Memory stays bounded: a bucket that is full
 * again and was left alone for {@code keepMs} is no different from a new one and is dropped.
 */
final class TokenBuckets {
    /** Above this many keys every call sweeps (a flood of addresses cannot grow the map for long). */
    static final int MAX_KEYS = 200_000;
    private static final long SWEEP_EVERY_MS = 10_000;

    private static final class Bucket {
        double tokens;
        long refilledAt;
        long usedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
            this.usedAt = now;
        }
    }

    private final double capacity;
    private final double perMs;
    private final long keepMs;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong();

    TokenBuckets(int capacity, int perMinute, long keepMs) {
        this.capacity = capacity;
        this.perMs = perMinute / 60_000.0;
        this.keepMs = keepMs;
    }

    /** Takes one token; false (and nothing taken) when the bucket is empty. */
    boolean take(String key, long now) {
        sweepIfDue(now);
        boolean[] taken = new boolean[1];
        buckets.compute(key, (k, b) -> {
            Bucket bucket = b == null ? new Bucket(capacity, now) : refill(b, now);
            bucket.usedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                taken[0] = true;
            }
            return bucket;
        });
        return taken[0];
    }

    /** Gives back a token taken for what turned out not to count (a code that exists, a right secret). */
    void refund(String key, long now) {
        buckets.computeIfPresent(key, (k, b) -> {
            Bucket bucket = refill(b, now);
            bucket.tokens = Math.min(capacity, bucket.tokens + 1);
            return bucket;
        });
    }

    /** Whether the key was used within {@code keepMs}; marks it used now. */
    boolean touch(String key, long now) {
        return buckets.computeIfPresent(key, (k, b) -> {
            b.usedAt = now;
            return b;
        }) != null;
    }

    /** Creates the key's bucket (full) if it has none, and marks it used now. */
    void remember(String key, long now) {
        sweepIfDue(now);
        buckets.compute(key, (k, b) -> {
            Bucket bucket = b == null ? new Bucket(capacity, now) : b;
            bucket.usedAt = now;
            return bucket;
        });
    }

    /** Milliseconds until the key has a whole token again (0 when it has one). */
    long waitMs(String key, long now) {
        double[] missing = new double[1];
        buckets.computeIfPresent(key, (k, b) -> {
            missing[0] = 1 - refill(b, now).tokens;
            return b;
        });
        return missing[0] <= 0 ? 0 : (long) Math.ceil(missing[0] / perMs);
    }

    int size() {
        return buckets.size();
    }

    private Bucket refill(Bucket b, long now) {
        if (now > b.refilledAt) {
            b.tokens = Math.min(capacity, b.tokens + (now - b.refilledAt) * perMs);
            b.refilledAt = now;
        }
        return b;
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if ((now < due && buckets.size() <= MAX_KEYS) || !nextSweep.compareAndSet(due, now + SWEEP_EVERY_MS)) {
            return;
        }
        buckets.entrySet().removeIf(e -> idleAndFull(e.getValue(), now));
        if (buckets.size() > MAX_KEYS) {
            // Only a flood from more addresses than any venue has gets here: forgetting is the bound.
            buckets.clear();
        }
    }

    private boolean idleAndFull(Bucket b, long now) {
        // Read outside the key's lock: a bucket used at this very moment may be forgotten, which
        // only gives its key a full bucket again, as after any idle spell.
        return now - b.usedAt >= keepMs && b.tokens + (now - b.refilledAt) * perMs >= capacity;
    }
}
