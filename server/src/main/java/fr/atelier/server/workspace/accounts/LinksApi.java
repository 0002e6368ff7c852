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
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One-time links from the browser: what a link is for, set a password with it, ask for a reset. */
public final class LinksApi {
    private static final Logger LOG = LoggerFactory.getLogger(LinksApi.class);
    public static final String RESET_SENT = "Si un compte existe pour cette adresse, un lien pour choisir un nouveau mot de passe vient d'y être envoyé.";
    public static final String RESET_NO_MAIL = "Ce serveur n'envoie pas d'e-mails : demandez un lien de réinitialisation à votre administrateur·rice.";

    private final Invitations invitations;
    private final AccountStore accounts;
    private final WebSessions sessions;
    private final Audit audit;
    private final Mailer mailer;
    private final WorkerExecutor hashing;
    private final JoinGuard guard;
    private final Function<RoutingContext, String> baseUrl;

    public LinksApi(Invitations invitations, AccountStore accounts, WebSessions sessions, Audit audit, Mailer mailer,
                    WorkerExecutor hashing, JoinGuard guard, Function<RoutingContext, String> baseUrl) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.mailer = mailer;
        this.hashing = hashing;
        this.guard = guard;
        this.baseUrl = baseUrl;
    }

    public void mount(Router router) {
        router.post("/api/auth/link").handler(this::describe);
        router.post("/api/auth/set-password").handler(this::setPassword);
        router.post("/api/auth/reset-request").handler(this::resetRequest);
    }

    /** POST, not GET: the token stays out of addresses and access logs. Unknown tokens are misses for the address. */
    private void describe(RoutingContext rc) {
        String token = AuthApi.text(AuthApi.body(rc), "token", 100);
        JoinGuard.Guess guess = guard.secret(address(rc)).orRefuse();
        invitations.check(token).onSuccess(link -> {
            guess.passed();
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.put("kind", link.kind().name().toLowerCase(java.util.Locale.ROOT)).put("email", link.email())
                    .put("role", link.role().dbName()).put("roleLabel", link.role().label());
            AuthApi.json(rc, 200, out);
        }).onFailure(e -> refused(rc, e, null));
    }

    private void setPassword(RoutingContext rc) {
        JsonNode body = AuthApi.body(rc);
        String token = AuthApi.text(body, "token", 100);
        String password = AuthApi.text(body, "password", PasswordRules.MAX * 4);
        String displayName = AuthApi.text(body, "displayName", 120);
        JoinGuard.Guess guess = guard.secret(address(rc)).orRefuse();
        invitations.check(token).compose(link -> {
            guess.passed();
            var problem = PasswordRules.problem(password, link.email());
            if (problem.isPresent()) {
                return Future.failedFuture(new ApiError(422, "weak_password", problem.get()));
            }
            return hashing.executeBlocking(() -> PasswordHash.hash(password), false)
                    .compose(hash -> invitations.use(token, hash, displayName, accounts))
                    .compose(a -> a == null ? Future.failedFuture(new ApiError(410, "used_link", "Ce compte n'est plus actif."))
                            : sessions.signIn(rc, a).map(v -> a))
                    .compose(a -> audit.record(a.id(), link.kind() == Invitations.Kind.INVITE ? "account.invitation_used" : "account.password_reset",
                            a.email(), link.kind() == Invitations.Kind.INVITE ? "rôle " + a.role().dbName() : null).map(v -> a));
        }).onSuccess(a -> {
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.set("account", AuthApi.json(a));
            out.put("csrfToken", WebSessions.csrfToken(rc));
            AuthApi.json(rc, 200, out);
        }).onFailure(e -> refused(rc, e, token));
    }

    /** Same answer whether or not the address has an account (no enumeration); limited like failed sign-ins. */
    private void resetRequest(RoutingContext rc) {
        String email = AccountStore.normaliseEmail(AuthApi.text(AuthApi.body(rc), "email", 254));
        if (!mailer.enabled()) {
            AuthApi.json(rc, 200, Json.MAPPER.createObjectNode().put("message", RESET_NO_MAIL).put("sent", false));
            return;
        }
        JoinGuard.Guess guess = guard.secret(address(rc)).orRefuse();
        accounts.byEmail(email).compose(a -> {
            if (a == null) {
                return Future.succeededFuture();
            }
            guess.passed();
            return invitations.create(Invitations.Kind.RESET, a.email(), a.role(), List.copyOf(a.territoryIds()), null)
                    .compose(token -> mailer.sendLink(Invitations.Kind.RESET, a.email(), a.role(), baseUrl.apply(rc) + Invitations.PAGE + "#t=" + token))
                    .compose(v -> audit.record(a.id(), "account.reset_requested", a.email(), null))
                    .recover(e -> {
                        LOG.atWarn().addKeyValue("account", a.id()).log("reset link not sent: " + e.getMessage());
                        return Future.succeededFuture();
                    });
        }).onComplete(ar -> AuthApi.json(rc, 200, Json.MAPPER.createObjectNode().put("message", RESET_SENT).put("sent", true)));
    }

    private void refused(RoutingContext rc, Throwable e, String token) {
        if (e instanceof ApiError a && a.status() >= 400 && a.status() < 500) {
            // The token is a secret: the log names only the first characters of its hash.
            LOG.atInfo().addKeyValue("address", address(rc)).addKeyValue("link", token == null ? "-" : Tokens.hash(token).substring(0, 8))
                    .log("one-time link refused: " + a.code());
        }
        rc.fail(e);
    }

    private String address(RoutingContext rc) {
        return guard.address(rc.request().remoteAddress(), rc.request().headers());
    }
}
