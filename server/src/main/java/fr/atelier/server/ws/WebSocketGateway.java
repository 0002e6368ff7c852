package fr.atelier.server.ws;

import fr.atelier.server.formats.CommandCheck;
import fr.atelier.server.http.JoinGuard;
import fr.atelier.server.live.SessionRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** WebSocket upgrades on {@code /ws}: checks the origin, upgrades, hands the socket to a {@link ClientConnection}. */
public final class WebSocketGateway {
    static final long PING_INTERVAL_MS = 15_000;
    static final String PATH = "/ws";

    private final Vertx vertx;
    private final SessionRegistry registry;
    private final String publicOrigin;
    private final Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();
    private final long pinger;

    private final JoinGuard guard;
    private final Limits limits;

    /**
     * {@code idleMs}: a socket from which nothing arrived for this long is closed; {@code maxPendingBytes}:
     * unsent data past which a client is congested; congested and reading nothing for {@code stuckMs}, it is closed.
     */
    record Limits(long idleMs, int maxPendingBytes, long stuckMs) {
        static Limits of(int idleSeconds, int maxPendingKib) {
            long idle = idleSeconds * 1000L;
            return new Limits(idle, maxPendingKib * 1024, Math.max(500, idle / 4));
        }
    }

    /** Checks some formats' commands need before their decider (by format id). */
    private final Map<String, CommandCheck> checks;
    /** The name filter of the moment (the administrator may change it): nicknames and team names in commands. */
    private final java.util.function.Supplier<fr.atelier.workshops.core.NameFilter> names;

    public WebSocketGateway(Vertx vertx, SessionRegistry registry, String publicUrl, JoinGuard guard) {
        this(vertx, registry, publicUrl, guard, fr.atelier.server.Config.DEFAULT_WS_IDLE_SECONDS, fr.atelier.server.Config.DEFAULT_WS_MAX_PENDING_KIB, Map.of());
    }

    public WebSocketGateway(Vertx vertx, SessionRegistry registry, String publicUrl, JoinGuard guard, int idleSeconds, int maxPendingKib,
                            Map<String, CommandCheck> checks) {
        this(vertx, registry, publicUrl, guard, idleSeconds, maxPendingKib, checks, () -> fr.atelier.workshops.core.NameFilter.NONE);
    }

    public WebSocketGateway(Vertx vertx, SessionRegistry registry, String publicUrl, JoinGuard guard, int idleSeconds, int maxPendingKib,
                            Map<String, CommandCheck> checks, java.util.function.Supplier<fr.atelier.workshops.core.NameFilter> names) {
        this.names = names;
        this.checks = Map.copyOf(checks);
        this.guard = guard;
        this.vertx = vertx;
        this.registry = registry;
        this.publicOrigin = publicUrl == null ? null : origin(publicUrl);
        this.limits = Limits.of(idleSeconds, maxPendingKib);
        // One timer for every socket: a WebSocket ping keeps NATs and proxies from dropping idle phones
        // (browsers answer it by themselves); a socket from which nothing came for the idle timeout is closed.
        // Our own pings do not count as activity, only what the client sends (issue 12).
        long every = Math.min(PING_INTERVAL_MS, Math.max(100, limits.idleMs() / 4));
        this.pinger = vertx.setPeriodic(every, t -> {
            long now = System.currentTimeMillis();
            connections.forEach(c -> c.heartbeat(now, limits.idleMs()));
        });
    }

    /**
     * Every WebSocket upgrade: only {@code /ws}, from our own pages. Guesses are counted at
     * {@code hello}, where the code is known: a venue whose address ran out of guesses still
     * reconnects to the sessions it reached (decision 24).
     */
    public void handshake(ServerWebSocketHandshake h) {
        if (!PATH.equals(h.path())) {
            h.reject(404);
            return;
        }
        String origin = h.headers().get(HttpHeaders.ORIGIN);
        if (origin != null && !allowed(origin, h.headers().get(HttpHeaders.HOST))) {
            h.reject(403);
            return;
        }
        h.accept();
    }

    /** An upgraded socket (after {@link #handshake}). */
    public void accept(ServerWebSocket ws) {
        new ClientConnection(vertx, ws, registry, this, guard, guard.address(ws.remoteAddress(), ws.headers()), limits).start();
    }

    private boolean allowed(String origin, String host) {
        if (origin.equals(publicOrigin)) {
            return true;
        }
        String o = origin(origin);
        return host != null && o != null && (o.equals("http://" + host) || o.equals("https://" + host));
    }

    private static String origin(String url) {
        try {
            URI u = URI.create(url);
            return u.getScheme() + "://" + u.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    fr.atelier.workshops.core.NameFilter names() {
        return names.get();
    }

    CommandCheck check(String formatId) {
        return checks.getOrDefault(formatId, CommandCheck.NONE);
    }

    void register(ClientConnection c) {
        connections.add(c);
    }

    void unregister(ClientConnection c) {
        connections.remove(c);
    }

    public int connectionCount() {
        return connections.size();
    }

    public void close() {
        vertx.cancelTimer(pinger);
    }
}
