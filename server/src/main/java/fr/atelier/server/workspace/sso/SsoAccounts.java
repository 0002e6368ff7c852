package fr.atelier.server.workspace.sso;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** What single sign-on needs from the accounts (w-accounts' AccountStore, WebSessions, Audit). */
public interface SsoAccounts {

    /** An account found by e-mail. */
    record Known(String id, boolean disabled) {}

    /** The account with this (lower-cased) e-mail, or null. */
    Future<Known> byEmail(String email);

    /** The territory that allowed this e-mail domain, or null. */
    Future<String> territoryForDomain(String domain);

    /** Creates a facilitator account in that territory, without a password; returns its id. */
    Future<String> createFacilitator(String email, String displayName, String territoryId);

    /** Opens a web session for this account (a new session id); returns its home page, or null. */
    Future<String> signIn(RoutingContext rc, String accountId);

    /** Writes an audit event (never a secret); never fails. */
    Future<Void> audit(String accountId, String action, String target, String detail);
}
