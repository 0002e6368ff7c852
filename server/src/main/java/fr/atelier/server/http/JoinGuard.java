package fr.atelier.server.http;

import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Per-address limits that make guessing expensive without punishing a room (decision 24). A whole
 * lycée or a 2,500-visitor forum joins from one Wi-Fi address, so only wrong guesses count against
 * an address: unknown codes, wrong host tokens, wrong coordinators' or project keys share one
 * bucket of misses. An empty bucket refuses further guesses, never a session the address has
 * already reached: joins of a session are counted per session and address, with a burst that
 * fits the largest room. Limits are kept in this node's memory.
 */
public final class JoinGuard {
    /** How long an address keeps a session it reached without being asked for a guess again. */
    static final long REMEMBER_SESSION_MS = 60 * 60_000;

    private final Limits limits;
    private final TokenBuckets misses;
    /** Key {@code CODE@address}: the address reached that session; the bucket counts its joins. */
    private final TokenBuckets sessions;
    private final TokenBuckets creates;
    private final long origin = System.nanoTime();

    public JoinGuard(Limits limits) {
        this.limits = limits;
        this.misses = new TokenBuckets(limits.missesPerMinute(), limits.missesPerMinute(), 0);
        this.sessions = new TokenBuckets(limits.joinsPerMinute(), limits.joinsPerMinute(), REMEMBER_SESSION_MS);
        this.creates = new TokenBuckets(limits.createsPerMinute(), limits.createsPerMinute(), 0);
    }

    public Limits limits() {
        return limits;
    }

    /**
     * The address limits are counted by: behind {@code proxyHops} reverse proxies, the one the
     * nearest proxy saw (entries further left are whatever the client sent); IPv6 by its /64,
     * which one subscriber or one venue network holds whole.
     */
    public String address(SocketAddress remote, MultiMap headers) {
        String seen = remote == null ? "?" : remote.hostAddress();
        if (limits.proxyHops() > 0 && headers != null) {
            List<String> values = headers.getAll("X-Forwarded-For");
            String[] hops = String.join(",", values).split(",");
            int i = hops.length - limits.proxyHops();
            if (!values.isEmpty() && i >= 0 && !hops[i].isBlank()) {
                seen = hops[i].trim();
            }
        }
        return key(seen);
    }

    static String key(String address) {
        if (address.indexOf(':') < 0) {
            return address.length() > 64 ? address.substring(0, 64) : address;
        }
        try {
            // Brackets make it a literal or an error: never a DNS look-up.
            byte[] b = InetAddress.getByName("[" + address.replace("[", "").replace("]", "") + "]").getAddress();
            if (b.length == 4) {
                return InetAddress.getByAddress(b).getHostAddress();
            }
            return String.format("%02x%02x:%02x%02x:%02x%02x:%02x%02x::/64", b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]);
        } catch (UnknownHostException e) {
            return address.length() > 64 ? address.substring(0, 64) : address;
        }
    }

    /** A look-up of a code (null: a code that cannot exist). Free for a session the address reached. */
    public Guess code(String address, String code) {
        long now = now();
        if (code != null && sessions.touch(sessionKey(code, address), now)) {
            return new Guess(address, code, true, false, 0);
        }
        return reserve(address, code, now);
    }

    /** A check of a secret (host token, coordinators' key, project key): always a guess until right. */
    public Guess secret(String address) {
        return reserve(address, null, now());
    }

    /** The address created this session: its room reaches it without a guess. */
    public void reached(String address, String code) {
        sessions.remember(sessionKey(code, address), now());
    }

    /** Counts a join of a session the address has reached ({@link Guess#found}). */
    public void join(String address, String code) {
        long now = now();
        String key = sessionKey(code, address);
        if (!sessions.take(key, now)) {
            throw ApiError.rateLimited("Trop d'inscriptions à cette session", seconds(sessions.waitMs(key, now)));
        }
    }

    public void create(String address) {
        long now = now();
        if (!creates.take(address, now)) {
            throw ApiError.rateLimited("Trop de créations", seconds(creates.waitMs(address, now)));
        }
    }

    private Guess reserve(String address, String code, long now) {
        if (misses.take(address, now)) {
            return new Guess(address, code, true, true, 0);
        }
        return new Guess(address, code, false, false, misses.waitMs(address, now));
    }

    private static String sessionKey(String code, String address) {
        return code + "@" + address;
    }

    private long now() {
        return (System.nanoTime() - origin) / 1_000_000;
    }

    private static long seconds(long ms) {
        return Math.max(1, (ms + 999) / 1000);
    }

    /**
     * One guess: a miss is taken before the look-up or check (so that many at once cannot all slip
     * through), and given back when it turns out right.
     */
    public final class Guess {
        private final String address;
        private final String code;
        private final boolean allowed;
        private final long waitMs;
        private boolean reserved;

        private Guess(String address, String code, boolean allowed, boolean reserved, long waitMs) {
            this.address = address;
            this.code = code;
            this.allowed = allowed;
            this.reserved = reserved;
            this.waitMs = waitMs;
        }

        /** False when the address has no guess left for now: answer {@link #refusal()}. */
        public boolean allowed() {
            return allowed;
        }

        public ApiError refusal() {
            return ApiError.rateLimited("Trop de codes ou de liens erronés", seconds(waitMs));
        }

        public Guess orRefuse() {
            if (!allowed) {
                throw refusal();
            }
            return this;
        }

        /** The code exists: no miss, and the address reaches this session freely from now on. */
        public void found() {
            if (code != null) {
                sessions.remember(sessionKey(code, address), now());
                giveBack();
            }
        }

        /** The secret was right: no miss. */
        public void passed() {
            giveBack();
        }

        /** Nothing could be checked (Redis or PostgreSQL unreachable): an outage costs no guess. */
        public void unanswered() {
            giveBack();
        }

        private synchronized void giveBack() {
            if (reserved) {
                reserved = false;
                misses.refund(address, now());
            }
        }
    }
}
