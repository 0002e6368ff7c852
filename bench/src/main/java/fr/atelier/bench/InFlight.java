package fr.atelier.bench;

import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One client's commands sent and not answered yet, by id. A resilient client resends them under the
 * same id until answered (the server applies an id once) and remembers the ids answered already, so
 * that a second answer to a resent id is not counted as an error. Any thread.
 */
final class InFlight {
    /** One command waiting for its ack or rejection. */
    static final class Pending {
        final Promise<Conn.Reply> promise = Promise.promise();
        final long sentNs = System.nanoTime();
        final String id;
        final String frame;
        int sends;
        long lastSentUs;
        int unavailable;
        /** The link ({@link Conn#links}) this command was last written on. */
        int link;

        Pending(String id, String commandJson) {
            this.id = id;
            this.frame = "{\"type\":\"command\",\"id\":\"" + id + "\",\"command\":" + commandJson + "}";
        }
    }

    private final Map<String, Pending> byId = new HashMap<>(4);
    private final Set<String> settled = new HashSet<>();
    private final String idPrefix;
    private final boolean rememberSettled;
    private int next;

    InFlight(String idPrefix, boolean rememberSettled) {
        this.idPrefix = idPrefix;
        this.rememberSettled = rememberSettled;
    }

    synchronized Pending add(String commandJson) {
        Pending p = new Pending(idPrefix + (++next), commandJson);
        byId.put(p.id, p);
        return p;
    }

    synchronized Pending get(String id) {
        return byId.get(id);
    }

    /** Whether {@code p} still waits under its id (no answer came meanwhile). */
    synchronized boolean waiting(Pending p) {
        return byId.get(p.id) == p;
    }

    synchronized void forget(Pending p) {
        byId.remove(p.id);
    }

    /** Takes the command answered by this id off the list; null when none waits under it. */
    synchronized Pending settle(String id) {
        Pending p = byId.remove(id);
        if (p != null && rememberSettled) {
            settled.add(id);
        }
        return p;
    }

    synchronized boolean answeredBefore(String id) {
        return settled.contains(id);
    }

    synchronized List<Pending> all() {
        return new ArrayList<>(byId.values());
    }

    /** Every waiting command, taken off the list (the socket is gone for good). */
    synchronized List<Pending> drain() {
        List<Pending> left = new ArrayList<>(byId.values());
        byId.clear();
        return left;
    }
}
