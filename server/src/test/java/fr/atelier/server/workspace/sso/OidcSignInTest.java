package fr.atelier.server.workspace.sso;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.TestConfig;
import fr.atelier.server.http.JoinGuard;
import fr.atelier.server.http.Limits;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenID Connect protocol against a real provider (mock-oauth2-server: discovery, JWKS, signed
 * tokens), through HTTP with a cookie-keeping client. Accounts are a small in-memory stand-in here;
 * SsoAccountsTest runs the same sign-in on the real account store.
 */
class OidcSignInTest {
    private TestProvider provider;
    private Vertx vertx;
    private HttpServer http;
    private OidcStates states;
    private final MemoryAccounts accounts = new MemoryAccounts();
    private String base;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    private void startAtelier(String issuer) {
        OidcSettings settings = OidcSettings.from(Map.of(
                "ATELIER_OIDC_ISSUER", issuer, "ATELIER_OIDC_CLIENT_ID", TestProvider.CLIENT_ID,
                "ATELIER_OIDC_CLIENT_SECRET", TestProvider.CLIENT_SECRET));
        states = new OidcStates(vertx, TestConfig.EXTERNAL_REDIS, "atelier-test-" + UUID.randomUUID() + ":");
        Router router = Router.router(vertx);
        JoinGuard guard = new JoinGuard(Limits.from(Map.of("ATELIER_CREATES_PER_MINUTE", "5")));
        new OidcSignIn(vertx, settings, states, accounts, guard, null, "/connexion", "/espace").mount(router);
        http = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        base = "http://127.0.0.1:" + http.actualPort();
    }

    @AfterEach
    void stop() {
        states.close();
        vertx.close().await();
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void existingAccountSignsInMatchedByLowerCasedEmail() throws Exception {
        provider = new TestProvider();
        startAtelier(provider.issuer());
        accounts.known.put("camille.martin@cio-dreux.fr", new SsoAccounts.Known("acc-1", false));
        provider.nextLoginAs("Camille.Martin@CIO-Dreux.fr", Map.of());
        Browser browser = new Browser();

        Browser.Page end = browser.followUntil(base + OidcSignIn.LOGIN_PATH + "?next=/mes-seances", base + "/mes-seances");

        assertThat(end.status()).isEqualTo(302);
        assertThat(end.location()).isEqualTo(base + "/mes-seances");
        assertThat(accounts.signedIn).containsExactly("acc-1");
        assertThat(accounts.created).isEmpty();
        // The authorization request carried PKCE (S256), a state and a nonce; the token request the verifier.
        String authorize = browser.visited.get(1);
        assertThat(authorize).contains("code_challenge_method=S256").contains("code_challenge=").contains("state=").contains("nonce=");
        List<String> paths = new ArrayList<>();
        String tokenBody = null;
        for (int i = 0; i < 20; i++) {
            RecordedRequest r;
            try {
                r = provider.server.takeRequest(1, TimeUnit.SECONDS);
            } catch (RuntimeException none) {
                break; // the provider's queue is empty
            }
            paths.add(r.getPath());
            if (r.getPath() != null && r.getPath().endsWith("/token")) {
                tokenBody = r.getBody().readUtf8();
            }
        }
        assertThat(tokenBody).contains("code_verifier=");
        // The e-mail was asked of userinfo (ProConnect gives it there), with the access token.
        assertThat(paths).anyMatch(p -> p.endsWith("/userinfo"));
    }

    @Test
    void aProviderDownAtStartUpHidesTheButtonUntilItAnswers() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        startAtelier("http://localhost:" + port + "/" + TestProvider.ISSUER_ID);
        Browser browser = new Browser();

        // Atelier started; the button is hidden and a click gets a clear French page.
        assertThat(new io.vertx.core.json.JsonObject(browser.get(base + OidcSignIn.STATUS_PATH).body()).getBoolean("enabled")).isFalse();
        Browser.Page click = browser.get(base + OidcSignIn.LOGIN_PATH);
        assertThat(click.status()).isEqualTo(503);
        assertThat(click.body()).contains("ProConnect ne répond pas pour le moment").contains("mot de passe");

        // The provider comes back: within the retry delay the button shows and sign-in works.
        provider = new TestProvider(port);
        accounts.known.put("camille.martin@cio-dreux.fr", new SsoAccounts.Known("acc-1", false));
        provider.nextLoginAs("camille.martin@cio-dreux.fr", Map.of());
        long deadline = System.currentTimeMillis() + 15_000;
        boolean enabled = false;
        while (!enabled && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            enabled = new io.vertx.core.json.JsonObject(browser.get(base + OidcSignIn.STATUS_PATH).body()).getBoolean("enabled");
        }
        assertThat(enabled).isTrue();
        assertThat(browser.followUntil(base + OidcSignIn.LOGIN_PATH, base + "/espace").location()).isEqualTo(base + "/espace");
        assertThat(accounts.signedIn).containsExactly("acc-1");
    }

    @Test
    void signInsStartedTooOftenFromOneAddressAreHeldBack() {
        provider = new TestProvider();
        startAtelier(provider.issuer());
        Browser browser = new Browser();
        for (int i = 0; i < 5; i++) {
            assertThat(browser.get(base + OidcSignIn.LOGIN_PATH).status()).isEqualTo(302);
        }
        Browser.Page held = browser.get(base + OidcSignIn.LOGIN_PATH);
        assertThat(held.status()).isEqualTo(429);
        assertThat(held.body()).contains("Trop de connexions ont été commencées depuis cette adresse");
    }

    /** A stand-in for the account store: enough to test the protocol. */
    static final class MemoryAccounts implements SsoAccounts {
        final Map<String, Known> known = new ConcurrentHashMap<>();
        final Map<String, String> domains = new ConcurrentHashMap<>();
        final List<String> created = new ArrayList<>();
        final List<String> signedIn = new ArrayList<>();
        final List<String> audit = new ArrayList<>();

        @Override
        public Future<Known> byEmail(String email) {
            return Future.succeededFuture(known.get(email));
        }

        @Override
        public Future<String> territoryForDomain(String domain) {
            return Future.succeededFuture(domains.get(domain));
        }

        @Override
        public Future<String> createFacilitator(String email, String displayName, String territoryId) {
            String id = "acc-" + (known.size() + 1);
            known.put(email, new Known(id, false));
            created.add(email + "|" + displayName + "|" + territoryId);
            return Future.succeededFuture(id);
        }

        @Override
        public Future<String> signIn(RoutingContext rc, String accountId) {
            signedIn.add(accountId);
            return Future.succeededFuture(null);
        }

        @Override
        public Future<Void> audit(String accountId, String action, String target, String detail) {
            audit.add(action + "|" + target + "|" + detail);
            return Future.succeededFuture();
        }
    }
}
