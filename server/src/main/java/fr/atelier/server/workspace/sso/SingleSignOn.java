package fr.atelier.server.workspace.sso;

import fr.atelier.server.http.JoinGuard;
import fr.atelier.server.workspace.Workspace;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.ext.web.Router;

/** Mounts sign-in by OpenID Connect in the workspace (one line of Workspace.mount); nothing when off. */
public final class SingleSignOn {
    /** The sign-in page (w-accounts), where refusal pages lead back. */
    public static final String SIGN_IN_PAGE = "/connexion";
    /** Where a person goes after signing in when neither the sign-in nor the account names a page. */
    public static final String AFTER_SIGN_IN = "/";

    private SingleSignOn() {}

    public static void mount(Vertx vertx, Router router, Workspace w, String redisUrl) {
        OidcSettings settings = w.config().oidc();
        if (!settings.enabled()) {
            // The button asks; the answer is "off" and the routes say so in French.
            new OidcSignIn(vertx, settings, null, null, null, w.config().publicUrl(), SIGN_IN_PAGE, AFTER_SIGN_IN).mount(router);
            return;
        }
        OidcStates states = new OidcStates(vertx, redisUrl, "atelier:" + w.config().clusterName() + ":");
        ((VertxInternal) vertx).addCloseHook(done -> {
            states.close();
            done.succeed();
        });
        new OidcSignIn(vertx, settings, states, new WorkspaceSsoAccounts(w.accounts(), w.sessions(), w.audit()),
                new JoinGuard(w.config().limits()), w.config().publicUrl(), SIGN_IN_PAGE, AFTER_SIGN_IN).mount(router);
    }
}
