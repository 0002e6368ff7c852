package fr.atelier.server.live;

import fr.atelier.workshops.core.Format;
import fr.atelier.workshops.core.Formats;
import fr.atelier.workshops.core.PlatformEvent;
import fr.atelier.workshops.core.Session;
import fr.atelier.workshops.core.SessionCodec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds or loads the actor hosting a session on this node, and creates new sessions. Actors are
 * spread over the event loops; each keeps its own context for life.
 */
public final class SessionRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);

    private final Vertx vertx;
    private final LiveStore store;
    private final Formats formats;
    private final Consumer<SessionActor<?>> onEnded;
    private final List<Context> contexts = new ArrayList<>();
    private final Map<String, Future<SessionActor<?>>> actors = new ConcurrentHashMap<>();
    private final Map<String, String> codes = new ConcurrentHashMap<>();

    /** What the creator of a session gets back once, including the host secret. */
    public record Created(String sessionId, String code, String hostToken) {}

    public SessionRegistry(Vertx vertx, LiveStore store, Formats formats, Consumer<SessionActor<?>> onEnded) {
        this.vertx = vertx;
        this.store = store;
        this.formats = formats;
        this.onEnded = onEnded;
        int loops = Math.max(1, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < loops; i++) {
            contexts.add(((VertxInternal) vertx).createEventLoopContext());
        }
    }

    public Formats formats() {
        return formats;
    }

    public Future<Created> create(Format<?, ?, ?> format, String title) {
        String sessionId = Tokens.id("s_");
        String hostToken = Tokens.secret();
        return claimCode(sessionId, 0).compose(code -> {
            Session<?, ?, ?> session = new Session<>(format);
            PlatformEvent.SessionCreated created = session.create(code, title, Tokens.hash(hostToken), Instant.now());
            SessionCodec codec = new SessionCodec(format);
            return store.saveMeta(sessionId, Map.of("format", format.id(), "code", code, "createdAt", Long.toString(created.at())))
                    .compose(v -> store.append(sessionId, 1, codec.writeEvents(List.of(created)), "[]"))
                    .map(id -> {
                        codes.put(code, sessionId);
                        LOG.atInfo().addKeyValue("session", sessionId).addKeyValue("code", code)
                                .addKeyValue("format", format.id()).log("session created");
                        return new Created(sessionId, code, hostToken);
                    });
        });
    }

    private Future<String> claimCode(String sessionId, int attempt) {
        String code = Tokens.joinCode();
        return store.claimCode(code, sessionId).compose(ok -> {
            if (ok) {
                return Future.succeededFuture(code);
            }
            if (attempt > 20) {
                return Future.failedFuture(new IllegalStateException("no free join code"));
            }
            return claimCode(sessionId, attempt + 1);
        });
    }

    /** The session id for a join code, or null if no live session has it. */
    public Future<String> sessionIdFor(String code) {
        String known = codes.get(code);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return store.sessionIdForCode(code).map(id -> {
            if (id != null) {
                codes.put(code, id);
            }
            return id;
        });
    }

    /** The actor for a code, loading it from Redis if this node does not host it yet; null if unknown. */
    public Future<SessionActor<?>> byCode(String code) {
        return sessionIdFor(code).compose(id -> id == null ? Future.succeededFuture(null) : byId(id));
    }

    public Future<SessionActor<?>> byId(String sessionId) {
        Future<SessionActor<?>> existing = actors.get(sessionId);
        if (existing != null) {
            return existing;
        }
        Context context = contexts.get(Math.floorMod(sessionId.hashCode(), contexts.size()));
        io.vertx.core.Promise<SessionActor<?>> promise = io.vertx.core.Promise.promise();
        Future<SessionActor<?>> mine = promise.future();
        Future<SessionActor<?>> raced = actors.putIfAbsent(sessionId, mine);
        if (raced != null) {
            return raced;
        }
        context.runOnContext(v -> load(context, sessionId).onComplete(ar -> {
            if (ar.failed() || ar.result() == null) {
                actors.remove(sessionId, mine);
            }
            promise.handle(ar);
        }));
        return mine;
    }

    private Future<SessionActor<?>> load(Context context, String sessionId) {
        return store.meta(sessionId).compose(meta -> {
            if (meta == null || meta.isEmpty()) {
                return Future.succeededFuture(null);
            }
            Format<?, ?, ?> format = formats.find(meta.get("format")).orElse(null);
            if (format == null) {
                return Future.failedFuture(new IllegalStateException("unknown format " + meta.get("format")));
            }
            return SessionActor.load(vertx, context, store, sessionId, new Session<>(format), onEnded).map(a -> (SessionActor<?>) a);
        });
    }

    /** Forgets a session hosted here (after its archive); it is reloaded from Redis if needed. */
    public void evict(String sessionId) {
        Future<SessionActor<?>> f = actors.get(sessionId);
        if (f != null && f.succeeded() && f.result().listenerCount() == 0) {
            actors.remove(sessionId);
        }
    }

    public int hostedCount() {
        return actors.size();
    }
}
