package fr.atelier.server.http;

import java.util.Map;

/**
 * The per-address limits (decision 24), from {@code ATELIER_*} variables; README lists them.
 *
 * @param missesPerMinute wrong guesses (unknown codes, wrong host tokens, coordinators' or project
 *                        keys) an address may make at once, and regains a minute
 * @param joinsPerMinute  joins of one session from one address at once, and regained a minute:
 *                        the largest room expected behind one address
 * @param createsPerMinute sessions and projects created from one address at once, and a minute
 * @param proxyHops       reverse proxies in front of the node: the client address is then the
 *                        {@code proxyHops}-th address from the right of {@code X-Forwarded-For}
 */
public record Limits(int missesPerMinute, int joinsPerMinute, int createsPerMinute, int proxyHops) {
    public static final Limits DEFAULT = new Limits(30, 3000, 60, 0);

    public Limits {
        if (missesPerMinute < 1 || joinsPerMinute < 1 || createsPerMinute < 1 || proxyHops < 0) {
            throw new IllegalArgumentException("limits must be positive (proxy hops zero or more)");
        }
    }

    public static Limits from(Map<String, String> env) {
        return new Limits(
                number(env, "ATELIER_MISSES_PER_MINUTE", DEFAULT.missesPerMinute),
                number(env, "ATELIER_JOINS_PER_MINUTE", DEFAULT.joinsPerMinute),
                number(env, "ATELIER_CREATES_PER_MINUTE", DEFAULT.createsPerMinute),
                number(env, "ATELIER_PROXY_HOPS", DEFAULT.proxyHops));
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + v + "'");
        }
    }
}
