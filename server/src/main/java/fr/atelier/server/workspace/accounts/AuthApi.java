package fr.atelier.server.workspace.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.http.JoinGuard;
import fr.atelier.server.live.Tokens;
import fr.atelier.server.workspace.Audit;
import fr.atelier.workshops.core.Json;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in, sign-out and {@code GET /api/me}. An unknown address and a wrong password get the same
 * answer after the same Argon2id work; failures are counted in Redis per address and per e-mail
 * (whether or not it has an account), so every node enforces the same limits.
 */
public final class AuthApi {
    private static final Logger LOG = LoggerFactory.getLogger(AuthApi.class);
    /** Failures allowed per typed e-mail within the window, then per client address. */
    public static final int FAILURES_PER_EMAIL = 10;
    public static final int FAILURES_PER_ADDRESS = 30;
    public static final long WINDOW_SECONDS = 15 * 60;
    public static final String WRONG = "Adresse e-mail ou mot de passe incorrect.";

    private final AccountStore accounts;
    private final WebSessions sessions;
    private final Audit audit;
    private final JoinGuard guard;
    private final WorkerExecutor hashing;
    private final boolean anonymousSessions;
    private final Future<String> dummyHash;

    public AuthApi(AccountStore accounts, WebSessions sessions, Audit audit, JoinGuard guard, WorkerExecutor hashing, boolean anonymousSessions) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.guard = guard;
        this.hashing = hashing;
        this.anonymousSessions = anonymousSessions;
        // Verified against when the address is unknown, so that both answers take as long.
        this.dummyHash = hashing.executeBlocking(() -> PasswordHash.hash(Tokens.secret()), false);
    }

    public void mount(Router router) {
        router.get("/api/me").handler(this::me);
        router.post("/api/auth/sign-in").handler(this::signIn);
        router.post("/api/auth/sign-out").handler(rc -> sessions.signOut(rc)
                .onSuccess(v -> json(rc, 200, Json.MAPPER.createObjectNode().put("signedOut", true))).onFailure(rc::fail));
    }

    private void me(RoutingContext rc) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        WebSessions.current(rc).ifPresentOrElse(a -> out.set("account", json(a)), () -> out.putNull("account"));
        out.put("csrfToken", WebSessions.csrfToken(rc));
        out.put("anonymousSessions", anonymousSessions);
        json(rc, 200, out);
    }

    private void signIn(RoutingContext rc) {
        JsonNode body = body(rc);
        String email = AccountStore.normaliseEmail(text(body, "email", 254));
        String password = text(body, "password", PasswordRules.MAX * 4);
        if (email.isEmpty() || password.isEmpty()) {
            throw ApiError.badRequest("Saisissez votre adresse e-mail et votre mot de passe.");
        }
        String address = guard.address(rc.request().remoteAddress(), rc.request().headers());
        String perEmail = sessions.keyPrefix() + "fail:e:" + Tokens.hash(email);
        String perAddress = sessions.keyPrefix() + "fail:a:" + address;
        sessions.<List<io.lettuce.core.KeyValue<String, String>>>call(sessions.redis().mget(perEmail, perAddress)).compose(counts -> {
            if (count(counts.get(0)) >= FAILURES_PER_EMAIL || count(counts.get(1)) >= FAILURES_PER_ADDRESS) {
                LOG.atWarn().addKeyValue("address", address).log("sign-in refused: too many failures");
                return Future.failedFuture(new ApiError(429, "rate_limited", "Trop de tentatives de connexion : réessayez dans un quart d'heure."));
            }
            return accounts.credentials(email);
        }).compose(c -> dummyHash.compose(dummy -> hashing.executeBlocking(() -> {
            boolean real = c != null && c.passwordHash() != null;
            boolean ok = PasswordHash.verify(password, real ? c.passwordHash() : dummy);
            return ok && real ? c.account() : null;
        }, false)).compose(a -> {
            if (a != null) {
                sessions.redis().del(perEmail);
                return sessions.signIn(rc, a).compose(v -> audit.record(a.id(), "auth.sign_in", a.email(), null)).map(v -> a);
            }
            sessions.redis().incr(perEmail).thenAccept(n -> sessions.redis().expire(perEmail, WINDOW_SECONDS));
            sessions.redis().incr(perAddress).thenAccept(n -> sessions.redis().expire(perAddress, WINDOW_SECONDS));
            // The typed password is never logged; the account id says whom it was for, if anyone.
            LOG.atWarn().addKeyValue("address", address).addKeyValue("account", c == null ? "none" : c.account().id())
                    .log("sign-in refused: wrong e-mail or password");
            return audit.record(c == null ? null : c.account().id(), "auth.sign_in_failed", c == null ? null : c.account().email(), "adresse " + address)
                    .compose(v -> Future.failedFuture(new ApiError(401, "wrong_credentials", WRONG)));
        })).onSuccess(a -> {
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.set("account", json(a));
            out.put("csrfToken", WebSessions.csrfToken(rc));
            json(rc, 200, out);
        }).onFailure(rc::fail);
    }

    private static long count(io.lettuce.core.KeyValue<String, String> kv) {
        return kv == null || !kv.hasValue() ? 0 : Long.parseLong(kv.getValue());
    }

    public static ObjectNode json(Account a) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("id", a.id()).put("email", a.email()).put("displayName", a.displayName())
                .put("role", a.role().dbName()).put("roleLabel", a.role().label());
        a.territoryIds().stream().sorted().forEach(n.putArray("territoryIds")::add);
        if (!n.has("territoryIds")) {
            n.putArray("territoryIds");
        }
        return n;
    }

    /**
     * A JSON object body. Only {@code application/json} is read: a cross-site form cannot send it
     * without a CORS preflight this server never grants (no login CSRF before any session exists).
     */
    public static JsonNode body(RoutingContext rc) {
        String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "json_expected", "Requête JSON attendue.");
        }
        return fr.atelier.server.http.Requests.body(rc);
    }

    /** A text field ("" when absent), at most {@code max} characters. */
    public static String text(JsonNode body, String field, int max) {
        String t = fr.atelier.server.http.Requests.text(body, field, max, false);
        return t == null ? "" : t;
    }

    public static void json(RoutingContext rc, int status, JsonNode body) {
        fr.atelier.server.http.Requests.json(rc, status, body);
    }
}
