package fr.atelier.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window limit per key (a client address): join attempts and code look-ups, so that join
 * codes cannot be found by brute force. Per node; windows are cleaned as they roll over.
 */
public final class RateLimiter {
    private final int limit;
    private final long windowMs;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    public RateLimiter(int limit, long windowMs) {
        this.limit = limit;
        this.windowMs = windowMs;
    }

    public boolean allow(String key, long nowMs) {
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> nowMs - e.getValue()[0] >= windowMs);
        }
        long[] w = windows.compute(key, (k, old) -> {
            if (old == null || nowMs - old[0] >= windowMs) {
                return new long[] {nowMs, 1};
            }
            old[1]++;
            return old;
        });
        return w[1] <= limit;
    }
}
