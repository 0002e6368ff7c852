package fr.atelier.server.ws;

import fr.atelier.server.http.JoinGuard;
import fr.atelier.server.live.SessionRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The {@code /ws} route: checks the origin, upgrades, hands the socket to a {@link ClientConnection}. */
public final class WebSocketGateway {
    static final long PING_INTERVAL_MS = 15_000;

    private final Vertx vertx;
    private final SessionRegistry registry;
    private final String publicOrigin;
    private final Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();
    private final long pinger;

    private final JoinGuard guard;

    public WebSocketGateway(Vertx vertx, SessionRegistry registry, String publicUrl, JoinGuard guard) {
        this.guard = guard;
        this.vertx = vertx;
        this.registry = registry;
        this.publicOrigin = publicUrl == null ? null : origin(publicUrl);
        // One timer for every socket: a WebSocket ping keeps NATs and proxies from dropping idle phones.
        this.pinger = vertx.setPeriodic(PING_INTERVAL_MS, t -> connections.forEach(ClientConnection::ping));
    }

    public void handle(RoutingContext rc) {
        String origin = rc.request().getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !allowed(origin, rc.request().getHeader(HttpHeaders.HOST))) {
            rc.response().setStatusCode(403).end();
            return;
        }
        String address = rc.request().remoteAddress() == null ? "?" : rc.request().remoteAddress().hostAddress();
        if (!guard.allowLookup(address)) {
            rc.response().setStatusCode(429).end();
            return;
        }
        rc.request().toWebSocket().onSuccess(ws -> new ClientConnection(vertx, ws, registry, this, () -> guard.miss(address)).start());
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
