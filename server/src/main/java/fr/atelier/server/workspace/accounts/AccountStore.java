package fr.atelier.server.workspace.accounts;

import static fr.atelier.server.db.generated.Tables.ACCOUNT;
import static fr.atelier.server.db.generated.Tables.ACCOUNT_TERRITORY;
import static fr.atelier.server.db.generated.Tables.TERRITORY;
import static fr.atelier.server.db.generated.Tables.TERRITORY_DOMAIN;

import fr.atelier.server.db.Database;
import fr.atelier.server.db.generated.tables.records.AccountRecord;
import fr.atelier.server.live.Tokens;
import io.vertx.core.Future;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/** Accounts and territories in PostgreSQL. E-mail addresses are kept lower-cased. Disabled accounts are never returned as signed-in people. */
public final class AccountStore {
    private final Database db;

    public AccountStore(Database db) {
        this.db = db;
    }

    /** An account with what only sign-in may read. */
    public record Credentials(Account account, String passwordHash) {}

    /** A row of the administrators' list of people. */
    public record Person(Account account, boolean disabled, boolean hasPassword) {}

    public static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public Future<Account> byId(String id) {
        return db.query(d -> {
            AccountRecord r = d.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(id)).and(ACCOUNT.DISABLED_AT.isNull()).fetchOne();
            return r == null ? null : account(d, r);
        });
    }

    public Future<Account> byEmail(String email) {
        return credentials(email).map(c -> c == null ? null : c.account());
    }

    /** For sign-in: the active account of the address and its hash (null hash: no password set yet). */
    public Future<Credentials> credentials(String email) {
        String e = normaliseEmail(email);
        return db.query(d -> {
            AccountRecord r = d.selectFrom(ACCOUNT).where(ACCOUNT.EMAIL.eq(e)).and(ACCOUNT.DISABLED_AT.isNull()).fetchOne();
            return r == null ? null : new Credentials(account(d, r), r.getPasswordHash());
        });
    }

    public Future<Account> create(String email, String displayName, Role role, Collection<String> territoryIds, String passwordHashOrNull) {
        String e = normaliseEmail(email);
        String id = Tokens.id("a_");
        return db.transaction(d -> {
            d.insertInto(ACCOUNT)
                    .set(ACCOUNT.ID, id)
                    .set(ACCOUNT.EMAIL, e)
                    .set(ACCOUNT.DISPLAY_NAME, displayName == null || displayName.isBlank() ? e : displayName.trim())
                    .set(ACCOUNT.ROLE, role.dbName())
                    .set(ACCOUNT.PASSWORD_HASH, passwordHashOrNull)
                    .set(ACCOUNT.CREATED_AT, now())
                    .execute();
            setTerritories(d, id, territoryIds);
            return account(d, d.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(id)).fetchOne());
        });
    }

    /** Whether any account has this address, disabled ones included (an address is never given twice). */
    public Future<Boolean> emailTaken(String email) {
        String e = normaliseEmail(email);
        return db.query(d -> d.fetchExists(ACCOUNT, ACCOUNT.EMAIL.eq(e)));
    }

    public Future<Void> setPassword(String accountId, String passwordHash) {
        return db.query(d -> d.update(ACCOUNT).set(ACCOUNT.PASSWORD_HASH, passwordHash).where(ACCOUNT.ID.eq(accountId)).execute()).mapEmpty();
    }

    /** An invitation accepted for an address that has an account: role and territories as invited. */
    public Future<Account> update(String accountId, String displayName, Role role, Collection<String> territoryIds) {
        return db.transaction(d -> {
            var u = d.update(ACCOUNT).set(ACCOUNT.ROLE, role.dbName());
            if (displayName != null && !displayName.isBlank()) {
                u = u.set(ACCOUNT.DISPLAY_NAME, displayName.trim());
            }
            u.set(ACCOUNT.DISABLED_AT, (OffsetDateTime) null).where(ACCOUNT.ID.eq(accountId)).execute();
            d.deleteFrom(ACCOUNT_TERRITORY).where(ACCOUNT_TERRITORY.ACCOUNT_ID.eq(accountId)).execute();
            setTerritories(d, accountId, territoryIds);
            return account(d, d.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(accountId)).fetchOne());
        });
    }

    public Future<Boolean> disable(String accountId) {
        return db.query(d -> d.update(ACCOUNT).set(ACCOUNT.DISABLED_AT, now())
                .where(ACCOUNT.ID.eq(accountId)).and(ACCOUNT.DISABLED_AT.isNull()).execute() == 1);
    }

    /** Whether an administrator account was ever made (then the coordinators' single key is refused for good). */
    public Future<Boolean> adminExists() {
        return db.query(d -> d.fetchExists(ACCOUNT, ACCOUNT.ROLE.eq(Role.ADMIN.dbName())));
    }

    public Future<List<Person>> people() {
        return db.query(d -> {
            Map<String, Set<String>> links = territoryLinks(d);
            List<Person> out = new ArrayList<>();
            for (AccountRecord r : d.selectFrom(ACCOUNT).orderBy(ACCOUNT.DISPLAY_NAME, ACCOUNT.EMAIL).fetch()) {
                out.add(new Person(account(r, links.getOrDefault(r.getId(), Set.of())), r.getDisabledAt() != null, r.getPasswordHash() != null));
            }
            return out;
        });
    }

    public Future<List<Territory>> territories() {
        return db.query(d -> {
            Map<String, List<String>> domains = new LinkedHashMap<>();
            d.selectFrom(TERRITORY_DOMAIN).orderBy(TERRITORY_DOMAIN.DOMAIN).forEach(r ->
                    domains.computeIfAbsent(r.getTerritoryId(), k -> new ArrayList<>()).add(r.getDomain()));
            List<Territory> out = new ArrayList<>();
            d.selectFrom(TERRITORY).orderBy(TERRITORY.NAME).forEach(r ->
                    out.add(new Territory(r.getId(), r.getName(), domains.getOrDefault(r.getId(), List.of()))));
            return out;
        });
    }

    /** The territory that allowed this e-mail domain for single sign-on, or null. */
    public Future<Territory> territoryForDomain(String domain) {
        String dom = normaliseEmail(domain);
        return territories().map(all -> all.stream().filter(t -> t.domains().contains(dom)).findFirst().orElse(null));
    }

    /** Creates a territory; the name and every domain must be free (a 409 for the caller otherwise). */
    public Future<Territory> createTerritory(String name, List<String> domains) {
        String id = Tokens.id("t_");
        return db.transaction(d -> {
            d.insertInto(TERRITORY).set(TERRITORY.ID, id).set(TERRITORY.NAME, name.trim()).set(TERRITORY.CREATED_AT, now()).execute();
            for (String dom : domains) {
                d.insertInto(TERRITORY_DOMAIN).set(TERRITORY_DOMAIN.DOMAIN, normaliseEmail(dom)).set(TERRITORY_DOMAIN.TERRITORY_ID, id).execute();
            }
            return new Territory(id, name.trim(), domains.stream().map(AccountStore::normaliseEmail).toList());
        });
    }

    /** Replaces a territory's name and domains; false when it does not exist. */
    public Future<Boolean> updateTerritory(String id, String name, List<String> domains) {
        return db.transaction(d -> {
            if (d.update(TERRITORY).set(TERRITORY.NAME, name.trim()).where(TERRITORY.ID.eq(id)).execute() == 0) {
                return false;
            }
            d.deleteFrom(TERRITORY_DOMAIN).where(TERRITORY_DOMAIN.TERRITORY_ID.eq(id)).execute();
            for (String dom : domains) {
                d.insertInto(TERRITORY_DOMAIN).set(TERRITORY_DOMAIN.DOMAIN, normaliseEmail(dom)).set(TERRITORY_DOMAIN.TERRITORY_ID, id).execute();
            }
            return true;
        });
    }

    private static void setTerritories(DSLContext d, String accountId, Collection<String> territoryIds) {
        for (String t : new LinkedHashSet<>(territoryIds)) {
            d.insertInto(ACCOUNT_TERRITORY).set(ACCOUNT_TERRITORY.ACCOUNT_ID, accountId).set(ACCOUNT_TERRITORY.TERRITORY_ID, t).execute();
        }
    }

    private static Map<String, Set<String>> territoryLinks(DSLContext d) {
        Map<String, Set<String>> links = new LinkedHashMap<>();
        d.selectFrom(ACCOUNT_TERRITORY).forEach(r -> links.computeIfAbsent(r.getAccountId(), k -> new LinkedHashSet<>()).add(r.getTerritoryId()));
        return links;
    }

    private static Account account(DSLContext d, AccountRecord r) {
        Set<String> territories = new LinkedHashSet<>(d.select(ACCOUNT_TERRITORY.TERRITORY_ID).from(ACCOUNT_TERRITORY)
                .where(ACCOUNT_TERRITORY.ACCOUNT_ID.eq(r.getId())).fetch(ACCOUNT_TERRITORY.TERRITORY_ID));
        return account(r, territories);
    }

    private static Account account(AccountRecord r, Set<String> territories) {
        return new Account(r.getId(), r.getEmail(), r.getDisplayName(), Role.of(r.getRole()), territories);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
