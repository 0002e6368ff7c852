package fr.atelier.server.workspace.accounts;

import fr.atelier.server.http.ApiError;
import fr.atelier.server.live.Tokens;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Server-side web sessions in Redis ({@code atelier:web:s:<hash of the id>}), so any node serves a
 * signed-in person (the cluster has no sticky sessions). The browser holds only a random id in the
 * HttpOnly cookie {@code atelier_sid}; Redis holds the account id and the session's CSRF token.
 * Keys are the id's hash, so a Redis dump does not hand out live sessions.
 */
public final class WebSessions implements AutoCloseable {
    public static final String COOKIE = "atelier_sid";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The CSRF token again, readable by our pages' scripts (double submit; the server compares with Redis). */
    public static final String CSRF_COOKIE = "atelier_csrf";
    /** POSTs that change nothing (a content file read or written back), sent by format pages without the token. */
    private static final java.util.regex.Pattern READ_ONLY_POSTS = java.util.regex.Pattern.compile("^/api/formats/[^/]+/library/(parse|export)$");
    public static final String PREFIX_DEFAULT = "atelier:web:";
    /** A session nobody used for this long is gone: a working day and then some. */
    public static final Duration IDLE = Duration.ofHours(12);
    private static final String ACCOUNT = "atelier.account";
    private static final String CSRF = "atelier.csrf";
    private static final String SID = "atelier.sid";
    private static final Set<HttpMethod> CHANGES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final AccountStore accounts;
    private final boolean secureCookie;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> redis;
    private final String keyPrefix;

    /** {@code keyPrefix} lets tests share one Redis; production passes {@link #PREFIX}. */
    public WebSessions(Vertx vertx, String redisUrl, String keyPrefix, AccountStore accounts, boolean secureCookie) {
        this.vertx = vertx;
        this.accounts = accounts;
        this.secureCookie = secureCookie;
        this.keyPrefix = keyPrefix;
        this.client = RedisClient.create(RedisURI.create(redisUrl));
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        this.connection = client.connect();
        this.redis = connection.async();
    }

    /** The Redis commands, for the sign-in counters that must be shared by every node. */
    RedisAsyncCommands<String, String> redis() {
        return redis;
    }

    String keyPrefix() {
        return keyPrefix;
    }

    /** The signed-in account of this request, if any. */
    public static Optional<Account> current(RoutingContext rc) {
        return Optional.ofNullable(rc.get(ACCOUNT));
    }

    /** The CSRF token of this request's web session (null without one). */
    public static String csrfToken(RoutingContext rc) {
        return rc.get(CSRF);
    }

    /**
     * Mounted before every API and page route: puts the current account (or nothing) in the
     * context, and refuses a state-changing request of a web session without its CSRF token.
     * Static files (a dot in the last path segment, outside the API) skip the look-up.
     */
    public Handler<RoutingContext> handler() {
        return rc -> {
            Cookie cookie = rc.request().getCookie(COOKIE);
            String path = rc.normalizedPath();
            if (cookie == null || cookie.getValue().isBlank() || (!path.startsWith("/api/") && path.substring(path.lastIndexOf('/') + 1).contains("."))) {
                rc.next();
                return;
            }
            String sid = cookie.getValue();
            String key = key(sid);
            // The body handler further on resumes it: nothing of the body is lost while Redis answers.
            if (!rc.request().isEnded()) {
                rc.request().pause();
            }
            this.<Map<String, String>>call(redis.hgetall(key)).compose(fields -> {
                if (fields == null || fields.get("account") == null) {
                    return Future.succeededFuture((Account) null);
                }
                rc.put(CSRF, fields.get("csrf"));
                rc.put(SID, sid);
                redis.expire(key, IDLE.toSeconds());
                return accounts.byId(fields.get("account"));
            }).onComplete(ar -> {
                if (ar.failed()) {
                    rc.fail(ApiError.unavailable());
                    return;
                }
                Account a = ar.result();
                if (a != null) {
                    rc.put(ACCOUNT, a);
                } else if (rc.get(SID) != null) {
                    // A disabled account: its sessions end at the next request.
                    redis.del(key);
                    rc.remove(SID);
                    rc.remove(CSRF);
                }
                if (rc.get(SID) != null && CHANGES.contains(rc.request().method()) && !READ_ONLY_POSTS.matcher(path).matches() && !csrfMatches(rc)) {
                    rc.fail(new ApiError(403, "csrf", "Jeton de sécurité absent ou invalide : rechargez la page puis réessayez."));
                    return;
                }
                rc.next();
            });
        };
    }

    private static boolean csrfMatches(RoutingContext rc) {
        String sent = rc.request().getHeader(CSRF_HEADER);
        String expected = rc.get(CSRF);
        return sent != null && expected != null
                && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs the account in under a new session id (any session the browser had is ended first). */
    public Future<Void> signIn(RoutingContext rc, Account a) {
        String old = rc.get(SID);
        Future<Void> ended = old == null ? Future.succeededFuture() : this.<Long>call(redis.del(key(old))).mapEmpty();
        String sid = random(32);
        String csrf = random(32);
        String key = key(sid);
        return ended.compose(v -> this.<Long>call(redis.hset(key, Map.of("account", a.id(), "csrf", csrf, "at", Instant.now().toString()))))
                .compose(v -> this.<Boolean>call(redis.expire(key, IDLE.toSeconds())))
                .map(v -> {
                    rc.put(SID, sid);
                    rc.put(CSRF, csrf);
                    rc.put(ACCOUNT, a);
                    rc.response().addCookie(cookie(COOKIE, sid, true));
                    rc.response().addCookie(cookie(CSRF_COOKIE, csrf, false));
                    return null;
                });
    }

    public Future<Void> signOut(RoutingContext rc) {
        String sid = rc.get(SID);
        rc.remove(ACCOUNT);
        rc.remove(CSRF);
        rc.remove(SID);
        rc.response().addCookie(cookie(COOKIE, "", true).setMaxAge(0));
        rc.response().addCookie(cookie(CSRF_COOKIE, "", false).setMaxAge(0));
        return sid == null ? Future.succeededFuture() : this.<Long>call(redis.del(key(sid))).mapEmpty();
    }

    /** 401 without an account, 403 with one of another role; else passes on. */
    public Handler<RoutingContext> requireRole(Role... roles) {
        Set<Role> allowed = roles.length == 0 ? EnumSet.allOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles));
        return rc -> {
            Optional<Account> a = current(rc);
            if (a.isEmpty()) {
                rc.fail(new ApiError(401, "signed_out", "Connectez-vous pour continuer."));
            } else if (!allowed.contains(a.get().role())) {
                rc.fail(new ApiError(403, "forbidden", "Votre rôle ne permet pas cette action."));
            } else {
                rc.next();
            }
        };
    }

    private Cookie cookie(String name, String value, boolean httpOnly) {
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(httpOnly).setSameSite(CookieSameSite.LAX).setSecure(secureCookie);
    }

    private String key(String sid) {
        return keyPrefix + "s:" + Tokens.hash(sid);
    }

    <T> Future<T> call(CompletionStage<T> stage) {
        return Future.fromCompletionStage(stage, vertx.getOrCreateContext());
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
