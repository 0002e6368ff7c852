package fr.atelier.server.workspace.accounts;

import static fr.atelier.server.db.generated.Tables.ACCOUNT;
import static fr.atelier.server.db.generated.Tables.ACCOUNT_TERRITORY;
import static fr.atelier.server.db.generated.Tables.INVITATION;

import fr.atelier.server.db.Database;
import fr.atelier.server.db.generated.tables.records.InvitationRecord;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.live.Tokens;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * One-time links: an invitation (first password, with the role and territories an administrator
 * chose) or a password reset. Only the token's SHA-256 is stored; a link works once and until it
 * expires, and using it is one conditional update, so two clicks cannot both succeed.
 */
public final class Invitations {
    public static final Duration INVITE_TTL = Duration.ofDays(7);
    public static final Duration RESET_TTL = Duration.ofHours(2);
    /** The page that reads the token from the address's fragment (never sent to a server log). */
    public static final String PAGE = "/mot-de-passe";

    private final Database db;

    public Invitations(Database db) {
        this.db = db;
    }

    public enum Kind { INVITE, RESET }

    /** What a valid link is for. */
    public record Link(Kind kind, String email, Role role, List<String> territoryIds) {}

    /** An invitation not used yet, for the administrators' list (never its token). */
    public record Pending(String email, Role role, List<String> territoryIds, OffsetDateTime expiresAt) {}

    /** Unused, unexpired invitations of addresses that have no account yet, newest first. */
    public Future<List<Pending>> pending() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return db.query(d -> d.selectFrom(INVITATION)
                .where(INVITATION.KIND.eq("invite")).and(INVITATION.USED_AT.isNull()).and(INVITATION.EXPIRES_AT.gt(now))
                .and(INVITATION.EMAIL.notIn(d.select(ACCOUNT.EMAIL).from(ACCOUNT)))
                .orderBy(INVITATION.CREATED_AT.desc())
                .fetch(r -> {
                    Link l = link(r);
                    return new Pending(l.email(), l.role(), l.territoryIds(), r.getExpiresAt());
                }));
    }

    /** A new link: the secret token is returned once and never stored. */
    public Future<String> create(Kind kind, String email, Role role, List<String> territoryIds, String createdBy) {
        String token = Tokens.secret() + Tokens.secret();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return db.query(d -> d.insertInto(INVITATION)
                .set(INVITATION.TOKEN_HASH, Tokens.hash(token))
                .set(INVITATION.KIND, kind == Kind.INVITE ? "invite" : "reset")
                .set(INVITATION.EMAIL, AccountStore.normaliseEmail(email))
                .set(INVITATION.ROLE, role.dbName())
                .set(INVITATION.TERRITORIES, String.join(",", territoryIds))
                .set(INVITATION.CREATED_BY, createdBy)
                .set(INVITATION.CREATED_AT, now)
                .set(INVITATION.EXPIRES_AT, now.plus(kind == Kind.INVITE ? INVITE_TTL : RESET_TTL))
                .execute()).map(n -> token);
    }

    /** The link's purpose, or a French refusal: unknown (404), already used or expired (410). */
    public Future<Link> check(String token) {
        return db.query(d -> d.selectFrom(INVITATION).where(INVITATION.TOKEN_HASH.eq(Tokens.hash(token))).fetchOne())
                .map(r -> {
                    refuseUnusable(r);
                    return link(r);
                });
    }

    /**
     * Uses the link: sets the password (and for an invitation creates the account, or gives an
     * existing one the invited role and territories). Fails like {@link #check} when unusable.
     */
    public Future<Account> use(String token, String passwordHash, String displayName, AccountStore accounts) {
        String hash = Tokens.hash(token);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return db.transaction(d -> {
            InvitationRecord r = d.selectFrom(INVITATION).where(INVITATION.TOKEN_HASH.eq(hash)).forUpdate().fetchOne();
            refuseUnusable(r);
            d.update(INVITATION).set(INVITATION.USED_AT, now).where(INVITATION.TOKEN_HASH.eq(hash)).execute();
            Link link = link(r);
            var existing = d.selectFrom(ACCOUNT).where(ACCOUNT.EMAIL.eq(link.email())).fetchOne();
            if (link.kind() == Kind.RESET) {
                if (existing == null || existing.getDisabledAt() != null) {
                    throw gone("Ce lien ne correspond plus à un compte actif. Demandez un nouveau lien.");
                }
                existing.setPasswordHash(passwordHash);
                existing.update();
                return existing.getId();
            }
            String id = existing != null ? existing.getId() : Tokens.id("a_");
            if (existing == null) {
                d.insertInto(ACCOUNT).set(ACCOUNT.ID, id).set(ACCOUNT.EMAIL, link.email())
                        .set(ACCOUNT.DISPLAY_NAME, displayName == null || displayName.isBlank() ? link.email() : displayName.trim())
                        .set(ACCOUNT.ROLE, link.role().dbName()).set(ACCOUNT.PASSWORD_HASH, passwordHash)
                        .set(ACCOUNT.CREATED_AT, now).execute();
            } else {
                var u = d.update(ACCOUNT).set(ACCOUNT.ROLE, link.role().dbName()).set(ACCOUNT.PASSWORD_HASH, passwordHash)
                        .set(ACCOUNT.DISABLED_AT, (OffsetDateTime) null);
                if (displayName != null && !displayName.isBlank()) {
                    u = u.set(ACCOUNT.DISPLAY_NAME, displayName.trim());
                }
                u.where(ACCOUNT.ID.eq(id)).execute();
                d.deleteFrom(ACCOUNT_TERRITORY).where(ACCOUNT_TERRITORY.ACCOUNT_ID.eq(id)).execute();
            }
            for (String t : link.territoryIds()) {
                d.insertInto(ACCOUNT_TERRITORY).set(ACCOUNT_TERRITORY.ACCOUNT_ID, id).set(ACCOUNT_TERRITORY.TERRITORY_ID, t)
                        .onConflictDoNothing().execute();
            }
            return id;
        }).compose(accounts::byId);
    }

    private static void refuseUnusable(InvitationRecord r) {
        if (r == null) {
            throw new ApiError(404, "unknown_link", "Ce lien n'est pas valide : vérifiez qu'il a été copié en entier.");
        }
        if (r.getUsedAt() != null) {
            throw gone("Ce lien a déjà servi. Connectez-vous avec votre mot de passe, ou demandez un nouveau lien à votre administrateur·rice.");
        }
        if (r.getExpiresAt().isBefore(OffsetDateTime.now(ZoneOffset.UTC))) {
            throw new ApiError(410, "expired_link", "Ce lien a expiré. Demandez un nouveau lien à votre administrateur·rice.");
        }
    }

    private static ApiError gone(String message) {
        return new ApiError(410, "used_link", message);
    }

    private static Link link(InvitationRecord r) {
        List<String> territories = r.getTerritories() == null || r.getTerritories().isBlank()
                ? List.of() : Arrays.asList(r.getTerritories().split(","));
        return new Link("reset".equals(r.getKind()) ? Kind.RESET : Kind.INVITE, r.getEmail(), Role.of(r.getRole()), territories);
    }
}
