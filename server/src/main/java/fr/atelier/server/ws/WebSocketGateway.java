package fr.atelier.server.ws;

import fr.atelier.server.formats.CommandCheck;
import fr.atelier.server.http.JoinGuard;
import fr.atelier.server.live.SessionRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.net.SocketAddress;
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

    /** Checks some formats' commands need before their decider (by format id). */
    private final Map<String, CommandCheck> checks;

    public WebSocketGateway(Vertx vertx, SessionRegistry registry, String publicUrl, JoinGuard guard) {
        this(vertx, registry, publicUrl, guard, Map.of());
    }

    public WebSocketGateway(Vertx vertx, SessionRegistry registry, String publicUrl, JoinGuard guard, Map<String, CommandCheck> checks) {
        this.checks = Map.copyOf(checks);
        this.guard = guard;
        this.vertx = vertx;
        this.registry = registry;
        this.publicOrigin = publicUrl == null ? null : origin(publicUrl);
        // One timer for every socket: a WebSocket ping keeps NATs and proxies from dropping idle phones.
        this.pinger = vertx.setPeriodic(PING_INTERVAL_MS, t -> connections.forEach(ClientConnection::ping));
    }

    /** Every WebSocket upgrade: only {@code /ws}, from our own pages, by an address not blocked for guessing codes. */
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
        if (!guard.allowLookup(address(h.remoteAddress()))) {
            h.reject(429);
            return;
        }
        h.accept();
    }

    /** An upgraded socket (after {@link #handshake}). */
    public void accept(ServerWebSocket ws) {
        String address = address(ws.remoteAddress());
        new ClientConnection(vertx, ws, registry, this, () -> guard.miss(address)).start();
    }

    private static String address(SocketAddress a) {
        return a == null ? "?" : a.hostAddress();
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
