package fr.atelier.server.workspace.sso;

import fr.atelier.server.workspace.Audit;
import fr.atelier.server.workspace.accounts.AccountStore;
import fr.atelier.server.workspace.accounts.Role;
import fr.atelier.server.workspace.accounts.WebSessions;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Single sign-on's view of the workspace accounts (w-accounts' AccountStore, WebSessions, Audit). */
final class WorkspaceSsoAccounts implements SsoAccounts {
    private final AccountStore store;
    private final WebSessions sessions;
    private final Audit audit;

    WorkspaceSsoAccounts(AccountStore store, WebSessions sessions, Audit audit) {
        this.store = store;
        this.sessions = sessions;
        this.audit = audit;
    }

    @Override
    public Future<Known> byEmail(String email) {
        // byEmail finds active accounts only; a disabled one still holds its address (never given twice).
        return store.byEmail(email).compose(a -> a != null
                ? Future.succeededFuture(new Known(a.id(), false))
                : store.emailTaken(email).map(taken -> taken ? new Known(null, true) : null));
    }

    @Override
    public Future<String> territoryForDomain(String domain) {
        return store.territoryForDomain(domain).map(t -> t == null ? null : t.id());
    }

    @Override
    public Future<String> createFacilitator(String email, String displayName, String territoryId) {
        return store.create(email, displayName, Role.FACILITATOR, List.of(territoryId), null).map(a -> a.id())
                // Two first sign-ins of one person at once: the second finds the account the first made.
                .recover(e -> store.byEmail(email).compose(a -> a != null ? Future.succeededFuture(a.id()) : Future.failedFuture(e)));
    }

    @Override
    public Future<String> signIn(RoutingContext rc, String accountId) {
        return store.byId(accountId).compose(a -> a == null
                ? Future.failedFuture(new IllegalStateException("account " + accountId + " vanished during sign-in"))
                // Where the password sign-in sends them too (sign-in.js).
                : sessions.signIn(rc, a).map(v -> a.isAdmin() ? "/admin" : "/"));
    }

    @Override
    public Future<Void> audit(String accountId, String action, String target, String detail) {
        return audit.record(accountId, action, target, detail);
    }

}
