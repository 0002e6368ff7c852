package fr.atelier.server.workspace.sso;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.AtelierServer;
import fr.atelier.server.Pg;
import fr.atelier.server.TestConfig;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in by OpenID Connect on a whole Atelier node (real Redis, PostgreSQL, account store and web
 * sessions) against a real provider started here, through HTTP with a cookie-keeping client.
 */
class SingleSignOnTest {
    private static TestProvider provider;
    private static AtelierServer server;
    private static Pg pg;
    private static String base;

    @BeforeAll
    static void start() {
        provider = new TestProvider();
        server = AtelierServer.start(TestConfig.external(Map.of(
                "ATELIER_OIDC_ISSUER", provider.issuer(),
                "ATELIER_OIDC_CLIENT_ID", TestProvider.CLIENT_ID,
                "ATELIER_OIDC_CLIENT_SECRET", TestProvider.CLIENT_SECRET)));
        pg = new Pg(server.databaseUrl());
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        provider.close();
    }

    private static String unique(String domain) {
        return "p" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
    }

    private static String territory(String domain) {
        String id = "t_" + UUID.randomUUID().toString().substring(0, 8);
        pg.rows("insert into territory (id, name, created_at) values (?, ?, ?) returning id", id, "Territoire " + id, OffsetDateTime.now());
        pg.rows("insert into territory_domain (domain, territory_id) values (?, ?) returning domain", domain, id);
        return id;
    }

    private static String account(String email) {
        return account(email, "coordinator");
    }

    private static String account(String email, String role) {
        String id = "a_" + UUID.randomUUID().toString().substring(0, 12);
        pg.rows("insert into account (id, email, display_name, role, created_at) values (?, ?, ?, ?, ?) returning id",
                id, email, "Déjà là", role, OffsetDateTime.now());
        return id;
    }

    /** Who the browser is signed in as (null: nobody). */
    private static String me(Browser b) {
        JsonObject me = new JsonObject(b.get(base + "/api/me").body());
        return me.getJsonObject("account") == null ? null : me.getJsonObject("account").getString("id");
    }

    /** Clicks the button and follows the redirects through the provider and back, up to the one that leaves the callback. */
    private static Browser.Page signIn(Browser b, String next) {
        Browser.Page p = b.get(base + OidcSignIn.LOGIN_PATH + (next == null ? "" : "?next=" + next));
        for (int i = 0; i < 5 && p.location() != null && (p.location().startsWith(provider.issuer()) || p.location().contains("/auth/oidc/")); i++) {
            p = b.get(p.location());
        }
        return p;
    }

    @Test
    void theButtonShowsWhenTheProviderAnswered() {
        JsonObject status = new JsonObject(new Browser().get(base + OidcSignIn.STATUS_PATH).body());
        assertThat(status.getBoolean("enabled")).isTrue();
        assertThat(status.getString("name")).isEqualTo("ProConnect");
    }

    @Test
    void anExistingAccountIsFoundByItsEmailWhateverItsCase() {
        String email = unique("cio-dreux.fr");
        String id = account(email);
        provider.nextLoginAs(email.toUpperCase(), Map.of());
        Browser b = new Browser();

        Browser.Page end = signIn(b, "/mes-seances");

        assertThat(end.status()).isEqualTo(302);
        assertThat(end.location()).isEqualTo(base + "/mes-seances");
        assertThat(me(b)).isEqualTo(id);
        assertThat(pg.value("select count(*) from account where email = ?", email)).isEqualTo(1L);
        assertThat(pg.value("select count(*) from audit_event where account_id = ? and action = 'sso.signin'", id)).isEqualTo(1L);
    }

    @Test
    void anAdministratorLandsOnTheAdministrationLikeWithAPassword() {
        String email = unique("centre-valdeloire.fr");
        String id = account(email, "admin");
        provider.nextLoginAs(email, Map.of());
        Browser b = new Browser();

        assertThat(signIn(b, null).location()).isEqualTo(base + "/admin");
        assertThat(me(b)).isEqualTo(id);
    }

    @Test
    void anUnknownEmailGetsAFacilitatorAccountWhenItsDomainIsAllowed() {
        String domain = "cio-" + UUID.randomUUID().toString().substring(0, 6) + ".fr";
        String territoryId = territory(domain);
        String email = unique(domain);
        provider.nextLoginAs(email, Map.of());
        Browser b = new Browser();

        assertThat(signIn(b, null).location()).isEqualTo(base + "/");

        String id = me(b);
        assertThat(id).isNotNull();
        assertThat(pg.rows("select email, role, display_name, password_hash from account where id = ?", id))
                .containsExactly(java.util.Arrays.asList(email, "facilitator", "Camille Martin", null));
        assertThat(pg.value("select territory_id from account_territory where account_id = ?", id)).isEqualTo(territoryId);
        assertThat(pg.value("select count(*) from audit_event where account_id = ? and action = 'sso.account_created'", id)).isEqualTo(1L);

        // The second time, the same account.
        provider.nextLoginAs(email, Map.of());
        Browser again = new Browser();
        signIn(again, null);
        assertThat(me(again)).isEqualTo(id);
        assertThat(pg.value("select count(*) from account where email = ?", email)).isEqualTo(1L);
    }

    @Test
    void anUnknownEmailOfAnotherDomainIsRefusedWithWhoToAsk() {
        String email = unique("ailleurs-" + UUID.randomUUID().toString().substring(0, 6) + ".fr");
        provider.nextLoginAs(email, Map.of());
        Browser b = new Browser();

        Browser.Page end = b.follow(base + OidcSignIn.LOGIN_PATH);

        assertThat(end.status()).isEqualTo(403);
        assertThat(end.body()).contains("Aucun compte Atelier n'existe pour " + email)
                .contains("Demandez à la coordination de votre territoire").contains("@" + SsoRules.domainOf(email));
        assertThat(me(b)).isNull();
        assertThat(pg.value("select count(*) from account where email = ?", email)).isEqualTo(0L);
        assertThat(pg.value("select count(*) from audit_event where action = 'sso.refused' and target = ? and detail = 'DOMAIN_NOT_ALLOWED'", email))
                .isEqualTo(1L);
    }

    @Test
    void aCallbackWithAnotherStateChangesNothing() {
        Browser b = new Browser();
        // Up to the provider's redirect back to us, then a forged state (no code is exchanged).
        Browser.Page back = b.followUntil(base + OidcSignIn.LOGIN_PATH, base + OidcSignIn.CALLBACK_PATH);
        String forged = back.location().replaceAll("state=[^&]*", "state=forged");

        Browser.Page end = b.get(forged);

        assertThat(end.status()).isEqualTo(400);
        assertThat(end.body()).contains("Cette demande de connexion n'est plus valable").contains("Rien n'a été modifié");
        assertThat(me(b)).isNull();
        assertThat(pg.value("select count(*) from audit_event where action = 'sso.refused' and detail = 'STATE'")).isNotEqualTo(0L);
        // The attempt is recorded without the state or the code.
        String state = back.location().replaceAll(".*[?&]state=([^&]*).*", "$1");
        String code = back.location().replaceAll(".*[?&]code=([^&]*).*", "$1");
        assertThat(pg.value("select count(*) from audit_event where concat(target, detail) like ? or concat(target, detail) like ?",
                "%" + state + "%", "%" + code + "%")).isEqualTo(0L);
    }

    @Test
    void aReplayedCallbackOrOneOpenedInAnotherBrowserChangesNothing() {
        String email = unique("cio-dreux.fr");
        String id = account(email);
        provider.nextLoginAs(email, Map.of());
        Browser victim = new Browser();
        Browser.Page back = victim.followUntil(base + OidcSignIn.LOGIN_PATH, base + OidcSignIn.CALLBACK_PATH);
        String callback = back.location();

        // Another browser (no state cookie: a login CSRF attempt) is refused and does not use up the state.
        Browser other = new Browser();
        assertThat(other.get(callback).status()).isEqualTo(400);
        assertThat(me(other)).isNull();

        assertThat(victim.get(callback).status()).isEqualTo(302);
        assertThat(me(victim)).isEqualTo(id);
        // The same answer again (the state is used up, its cookie gone): refused.
        Browser.Page replay = victim.get(callback);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.body()).contains("n'est plus valable");
    }

    /** The victim's sign-in up to the provider's answer, and an attacker's code for the same person. */
    private record Substitution(Browser victim, String callback, String attackerCode) {}

    private static Substitution substitution(String email, boolean attackerKnowsTheVerifier) {
        Browser victim = new Browser();
        String callback = victim.followUntil(base + OidcSignIn.LOGIN_PATH, base + OidcSignIn.CALLBACK_PATH).location();
        String pkce = "";
        if (attackerKnowsTheVerifier) {
            String state = callback.replaceAll(".*[?&]state=([^&]*).*", "$1");
            io.lettuce.core.RedisClient redis = io.lettuce.core.RedisClient.create(server.redisUrl());
            try (var c = redis.connect()) {
                String key = c.sync().keys("atelier:*:oidc:" + state).get(0);
                String verifier = new JsonObject(c.sync().get(key)).getString("verifier");
                pkce = "&code_challenge_method=S256&code_challenge=" + new OidcRequest(state, "n", verifier, null, null).challenge();
            } finally {
                redis.shutdown();
            }
        }
        provider.nextLoginAs(email, Map.of());
        String attackerCode = new Browser().get(provider.server.authorizationEndpointUrl(TestProvider.ISSUER_ID) + "?client_id=" + TestProvider.CLIENT_ID
                + "&response_type=code&scope=openid&state=x&nonce=nonce-de-l-attaquant" + pkce + "&redirect_uri=" + base + OidcSignIn.CALLBACK_PATH)
                .location().replaceAll(".*[?&]code=([^&]*).*", "$1");
        return new Substitution(victim, callback.replaceAll("code=[^&]*", "code=" + attackerCode), attackerCode);
    }

    @Test
    void aCodeIssuedForAnotherSignInIsRefusedByPkce() {
        String email = unique("cio-dreux.fr");
        account(email);
        Substitution s = substitution(email, false);

        Browser.Page end = s.victim().get(s.callback());

        assertThat(end.status()).isEqualTo(502);
        assertThat(end.body()).contains("n'a pas pu être vérifiée").contains("Rien n'a été modifié");
        assertThat(me(s.victim())).isNull();
    }

    @Test
    void anIdTokenIssuedForAnotherNonceIsRefused() {
        String email = unique("cio-dreux.fr");
        account(email);
        // Even an attacker who had the PKCE verifier: the ID token names another sign-in's nonce.
        Substitution s = substitution(email, true);

        Browser.Page end = s.victim().get(s.callback());

        assertThat(end.status()).isEqualTo(400);
        assertThat(end.body()).contains("ne correspond pas à cette demande de connexion").contains("Rien n'a été modifié");
        assertThat(me(s.victim())).isNull();
        assertThat(pg.value("select count(*) from audit_event where action = 'sso.refused' and detail = 'NONCE'")).isNotEqualTo(0L);
    }
}
