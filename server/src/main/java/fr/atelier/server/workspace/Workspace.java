package fr.atelier.server.workspace;

import fr.atelier.server.db.Database;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.http.JoinGuard;
import fr.atelier.server.workspace.accounts.AccountStore;
import fr.atelier.server.workspace.accounts.AdminApi;
import fr.atelier.server.workspace.accounts.AuthApi;
import fr.atelier.server.workspace.accounts.Invitations;
import fr.atelier.server.workspace.accounts.LinksApi;
import fr.atelier.server.workspace.accounts.Mailer;
import fr.atelier.server.workspace.accounts.Role;
import fr.atelier.server.workspace.accounts.WebSessions;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.internal.VertxInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The workspace (issue 14): accounts, territories, web sessions and what hangs on them. Built and
 * mounted by one line of AtelierServer, before the other routes, so that every API and page route
 * sees the signed-in account and the CSRF check. Other workspace parts mount themselves here.
 */
public final class Workspace {
    public static final int BODY_LIMIT = 16 * 1024;

    private final WorkspaceSettings config;
    private final Database db;
    private final AccountStore accounts;
    private final WebSessions sessions;
    private final Audit audit;
    private final WorkerExecutor hashing;
    private final JoinGuard guard;
    private final Invitations invitations;
    private final Mailer mailer;
    /** Once true stays true: the coordinators' key ends with the first administrator (issue 14, item 7). */
    private volatile boolean adminSeen;

    private Workspace(Vertx vertx, WorkspaceSettings config, Database db, String redisUrl) {
        this.config = config;
        this.db = db;
        this.accounts = new AccountStore(db);
        this.audit = new Audit(db);
        this.sessions = new WebSessions(vertx, redisUrl, WebSessions.PREFIX_DEFAULT + config.clusterName() + ":", accounts,
                config.publicUrl() != null && config.publicUrl().startsWith("https:"));
        // Argon2id takes 19 MiB a hash: two at a time bound the memory a burst of sign-ins can take.
        this.hashing = vertx.createSharedWorkerExecutor("atelier-passwords", 2);
        this.guard = new JoinGuard(config.limits());
        this.invitations = new Invitations(db);
        this.mailer = new Mailer(vertx, config.mail());
        ((VertxInternal) vertx).addCloseHook(done -> {
            mailer.close();
            hashing.close();
            sessions.close();
            done.succeed();
        });
    }

    /** Builds the workspace and mounts its routes; call before any other route is mounted. */
    public static Workspace mount(Vertx vertx, Router router, WorkspaceSettings config, Database db, String redisUrl) {
        Workspace w = new Workspace(vertx, config, db, redisUrl);
        router.route().handler(w.sessions.handler());
        router.route("/api/auth/*").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT).setHandleFileUploads(false));
        router.route("/api/admin/*").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT).setHandleFileUploads(false));
        new AuthApi(w.accounts, w.sessions, w.audit, w.guard, w.hashing, config.anonymousSessions()).mount(router);
        new LinksApi(w.invitations, w.accounts, w.sessions, w.audit, w.mailer, w.hashing, w.guard, w::baseUrl).mount(router);
        new AdminApi(w.accounts, w.invitations, w.mailer, w.audit, w.sessions, w::baseUrl).mount(router);
        router.route("/api/coordination/*").handler(w::coordinatorKeyGate);
        fr.atelier.server.workspace.sso.SingleSignOn.mount(vertx, router, w, redisUrl);
        if (!config.anonymousSessions()) {
            // ATELIER_ANONYMOUS_SESSIONS=false: only signed-in people create sessions.
            router.post("/api/sessions").handler(rc -> {
                if (WebSessions.current(rc).isEmpty()) {
                    rc.fail(new ApiError(401, "signed_out",
                            "Sur ce serveur, seules les personnes connectées créent des sessions : connectez-vous d'abord."));
                } else {
                    rc.next();
                }
            });
        }
        return w;
    }

    /** Links in e-mails and on the administration page: the public URL, else the address this request came to. */
    public String baseUrl(io.vertx.ext.web.RoutingContext rc) {
        return config.publicUrl() != null ? config.publicUrl() : rc.request().scheme() + "://" + rc.request().authority();
    }

    /**
     * The coordinators' single key works until the first administrator exists; then it is refused
     * with what replaced it. Requests without the key (signed-in people) pass on.
     */
    private void coordinatorKeyGate(io.vertx.ext.web.RoutingContext rc) {
        String auth = rc.request().getHeader("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            rc.next();
            return;
        }
        if (!rc.request().isEnded()) {
            rc.request().pause(); // the API's body handler further on resumes it
        }
        (adminSeen ? io.vertx.core.Future.succeededFuture(true) : accounts.adminExists()).onComplete(ar -> {
            if (ar.failed()) {
                rc.fail(ApiError.unavailable());
            } else if (ar.result()) {
                adminSeen = true;
                rc.fail(new ApiError(410, "key_replaced", "La clé de coordination n'est plus acceptée : les comptes l'ont remplacée."
                        + " Connectez-vous avec votre compte de coordinateur·rice (/connexion) ; demandez une invitation à votre administrateur·rice."));
            } else {
                rc.next();
            }
        });
    }

    /** Links are created here too by the command line (admin invite). */
    public Invitations invitations() {
        return invitations;
    }

    public AccountStore accounts() {
        return accounts;
    }

    public WebSessions sessions() {
        return sessions;
    }

    public Audit audit() {
        return audit;
    }

    public Database db() {
        return db;
    }

    public WorkspaceSettings config() {
        return config;
    }

    /** Handler for routes only some roles may use (401 signed out, 403 other role). */
    public io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> requireRole(Role... roles) {
        return sessions.requireRole(roles);
    }
}
