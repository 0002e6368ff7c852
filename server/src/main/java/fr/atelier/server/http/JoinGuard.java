package fr.atelier.server.http;

/**
 * Rate limits per client address. Only unknown codes count against brute force, because a whole
 * room (or a 2,500-visitor forum) often joins from behind one Wi-Fi address: joins themselves get
 * a generous separate budget.
 */
public final class JoinGuard {
    private final RateLimiter misses;
    private final RateLimiter joins;
    private final RateLimiter creates;
    private final int missLimit;
    private final java.util.Map<String, Long> blockedUntil = new java.util.concurrent.ConcurrentHashMap<>();

    public JoinGuard(int missesPerMinute, int joinsPerMinute, int createsPerMinute) {
        this.missLimit = missesPerMinute;
        this.misses = new RateLimiter(missesPerMinute, 60_000);
        this.joins = new RateLimiter(joinsPerMinute, 60_000);
        this.creates = new RateLimiter(createsPerMinute, 60_000);
    }

    /** Refuses any code look-up from an address that guessed too many unknown codes this minute. */
    public void checkLookup(String address) {
        Long until = blockedUntil.get(address);
        if (until != null) {
            if (until > System.currentTimeMillis()) {
                throw ApiError.rateLimited();
            }
            blockedUntil.remove(address);
        }
    }

    public boolean allowLookup(String address) {
        try {
            checkLookup(address);
            return true;
        } catch (ApiError e) {
            return false;
        }
    }

    public void miss(String address) {
        long now = System.currentTimeMillis();
        if (!misses.allow(address, now)) {
            blockedUntil.put(address, now + 60_000);
        }
    }

    public void checkJoin(String address) {
        checkLookup(address);
        if (!joins.allow(address, System.currentTimeMillis())) {
            throw ApiError.rateLimited();
        }
    }

    public void checkCreate(String address) {
        if (!creates.allow(address, System.currentTimeMillis())) {
            throw ApiError.rateLimited();
        }
    }

    public int missLimit() {
        return missLimit;
    }
}
