package fr.atelier.server.workspace.sso;

import fr.atelier.server.workspace.sso.SsoRules.Create;
import fr.atelier.server.workspace.sso.SsoRules.Outcome;
import fr.atelier.server.workspace.sso.SsoRules.Refusal;
import fr.atelier.server.workspace.sso.SsoRules.Refuse;
import fr.atelier.server.workspace.sso.SsoRules.SignIn;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.http.JoinGuard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in by OpenID Connect (ProConnect): authorization code flow with PKCE, state and nonce. The
 * provider is found by discovery; when it does not answer at start-up the node starts anyway, the
 * button stays hidden and discovery is tried again on demand.
 */
public final class OidcSignIn {
    private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);
    /** Binds the callback to the browser that started the sign-in (login CSRF): holds the state. */
    static final String STATE_COOKIE = "atelier_oidc";
    public static final String LOGIN_PATH = "/auth/oidc/login";
    public static final String CALLBACK_PATH = "/auth/oidc/callback";
    public static final String STATUS_PATH = "/api/auth/oidc";
    /** A provider that did not answer is asked again at most this often (by the button or a click). */
    private static final long RETRY_MS = 5_000;

    private final Vertx vertx;
    private final OidcSettings settings;
    private final OidcStates states;
    private final SsoAccounts accounts;
    private final JoinGuard guard;
    private final String publicUrl;
    private final String afterSignIn;
    private final SsoPages pages;
    private final LongSupplier clock;
    private volatile OAuth2Auth provider;
    private Future<OAuth2Auth> discovering;
    private long lastFailureMs = Long.MIN_VALUE / 2;

    /**
     * @param guard counts sign-ins started per address (each holds a Redis key for 10 minutes)
     * @param publicUrl the site's public address (ATELIER_PUBLIC_URL) or null: the callback address
     *     is then taken from the request that starts the sign-in
     * @param signInPath the sign-in page, where refusal pages lead back
     * @param afterSignIn where a signed-in person goes when the sign-in named no page
     */
    public OidcSignIn(Vertx vertx, OidcSettings settings, OidcStates states, SsoAccounts accounts, JoinGuard guard, String publicUrl,
            String signInPath, String afterSignIn) {
        this.vertx = vertx;
        this.settings = settings;
        this.states = states;
        this.accounts = accounts;
        this.guard = guard;
        this.publicUrl = publicUrl;
        this.afterSignIn = afterSignIn;
        this.pages = new SsoPages(settings.providerName(), signInPath);
        this.clock = System::currentTimeMillis;
        if (settings.enabled()) {
            provider().onSuccess(p -> LOG.atInfo().addKeyValue("issuer", settings.issuer()).log("OpenID Connect sign-in ready"));
        }
    }

    public void mount(Router router) {
        router.get(STATUS_PATH).handler(this::status);
        router.get(LOGIN_PATH).handler(this::login);
        router.get(CALLBACK_PATH).handler(this::callback);
    }

    /** For the sign-in page's button: shown only when the provider answered discovery. */
    private void status(RoutingContext rc) {
        if (!settings.enabled()) {
            rc.json(new JsonObject().put("enabled", false));
            return;
        }
        provider().onComplete(ar -> rc.json(new JsonObject()
                .put("enabled", ar.succeeded())
                .put("name", settings.providerName())
                .put("loginUrl", LOGIN_PATH)));
    }

    private void login(RoutingContext rc) {
        if (!settings.enabled()) {
            pages.off(rc);
            return;
        }
        try {
            guard.create(guard.address(rc.request().remoteAddress(), rc.request().headers()));
        } catch (ApiError tooMany) {
            LOG.atWarn().addKeyValue("remote", rc.request().remoteAddress()).log("OpenID Connect sign-ins started too often");
            pages.tooMany(rc);
            return;
        }
        provider().onFailure(e -> pages.unavailable(rc)).onSuccess(oauth -> {
            String next = SsoRules.safeNext(rc.request().getParam("next"));
            OidcRequest request = OidcRequest.fresh(callbackUrl(rc), next);
            states.put(request).onFailure(rc::fail).onSuccess(v -> {
                String url = oauth.authorizeURL(new OAuth2AuthorizationURL()
                        .setRedirectUri(request.redirectUri())
                        .setScopes(settings.scopes())
                        .setState(request.state())
                        .setCodeChallenge(request.challenge())
                        .setCodeChallengeMethod("S256")
                        .putAdditionalParameter("nonce", request.nonce()));
                rc.response().addCookie(stateCookie(request.state(), (int) OidcStates.TTL.toSeconds()))
                        .putHeader("Cache-Control", "no-store")
                        .putHeader("Location", url).setStatusCode(302).end();
            });
        });
    }

    private void callback(RoutingContext rc) {
        if (!settings.enabled()) {
            pages.off(rc);
            return;
        }
        String state = rc.request().getParam("state");
        Cookie cookie = rc.request().getCookie(STATE_COOKIE);
        // The cookie has done its work whatever happens next.
        rc.response().addCookie(stateCookie("", 0));
        if (state == null || state.isEmpty() || cookie == null || !state.equals(cookie.getValue())) {
            refuse(rc, Refusal.STATE, null, cookie == null ? "no state cookie" : "state differs from this browser's");
            return;
        }
        states.take(state).onFailure(rc::fail).onSuccess(request -> {
            if (request == null) {
                refuse(rc, Refusal.STATE, null, "state unknown, expired or already used");
                return;
            }
            String error = rc.request().getParam("error");
            String code = rc.request().getParam("code");
            if (error != null || code == null) {
                refuse(rc, Refusal.PROVIDER_ERROR, null, "provider error " + (error == null ? "(no code)" : clip(error)));
                return;
            }
            provider().compose(oauth -> oauth.authenticate(new Oauth2Credentials()
                            .setFlow(OAuth2FlowType.AUTH_CODE)
                            .setCode(code)
                            .setRedirectUri(request.redirectUri())
                            .setCodeVerifier(request.verifier()))
                    .compose(user -> verified(oauth, user, request)))
                    .onFailure(e -> refuse(rc, Refusal.ID_TOKEN, null, "code exchange failed: " + clip(String.valueOf(e.getMessage()))))
                    .onSuccess(claims -> {
                        if (claims.containsKey("refusal")) {
                            refuse(rc, Refusal.valueOf(claims.getString("refusal")), null, "ID token refused");
                        } else {
                            signIn(rc, claims, request);
                        }
                    });
        });
    }

    /** The ID token's claims and the userinfo e-mail, or {refusal: ...}. */
    private Future<JsonObject> verified(OAuth2Auth oauth, User user, OidcRequest request) {
        JsonObject idToken = user.attributes().getJsonObject("idToken");
        Refusal refusal = SsoRules.checkIdToken(idToken, request.nonce(), clock.getAsLong() / 1000);
        if (refusal != null) {
            return Future.succeededFuture(new JsonObject().put("refusal", refusal.name()));
        }
        // ProConnect gives the e-mail in userinfo; Vert.x checks its subject is the ID token's.
        return oauth.userInfo(user).map(info -> idToken.copy().mergeIn(info));
    }

    private void signIn(RoutingContext rc, JsonObject claims, OidcRequest request) {
        String email = SsoRules.normaliseEmail(claims.getString("email"));
        if (email == null) {
            refuse(rc, Refusal.NO_EMAIL, null, "no e-mail from the provider");
            return;
        }
        accounts.byEmail(email)
                .compose(known -> known != null
                        ? Future.succeededFuture(SsoRules.decide(known.id(), known.disabled(), null))
                        : accounts.territoryForDomain(SsoRules.domainOf(email)).map(t -> SsoRules.decide(null, false, t)))
                .compose(outcome -> account(outcome, email, claims))
                .onFailure(rc::fail)
                .onSuccess(outcome -> {
                    if (outcome instanceof Refuse r) {
                        refuse(rc, r.reason(), email, r.reason().name());
                        return;
                    }
                    String accountId = ((SignIn) outcome).accountId();
                    accounts.signIn(rc, accountId)
                            .compose(home -> accounts.audit(accountId, "sso.signin", email, settings.providerName()).map(v -> home))
                            .onFailure(rc::fail).onSuccess(home -> {
                        String target = request.next() != null ? request.next() : home != null ? home : afterSignIn;
                        rc.response().putHeader("Cache-Control", "no-store").putHeader("Location", target).setStatusCode(302).end();
                    });
                });
    }

    /** Creates the account a Create outcome calls for, and turns it into a SignIn. */
    private Future<Outcome> account(Outcome outcome, String email, JsonObject claims) {
        if (outcome instanceof Create c) {
            return accounts.createFacilitator(email, SsoRules.displayName(claims, email), c.territoryId())
                    .compose(id -> accounts.audit(id, "sso.account_created", email, "territoire " + c.territoryId()).map(v -> new SignIn(id)));
        }
        return Future.succeededFuture(outcome);
    }

    /** A French page, the attempt logged and audited: never the code, state, tokens or secret. */
    private void refuse(RoutingContext rc, Refusal reason, String email, String why) {
        LOG.atWarn().addKeyValue("reason", reason).addKeyValue("remote", rc.request().remoteAddress())
                .addKeyValue("email", email).log("OpenID Connect sign-in refused: " + why);
        accounts.audit(null, "sso.refused", email, reason.name()).onComplete(v -> pages.refused(rc, reason, email));
    }

    /** The provider, discovered once; after a failure asked again at most every RETRY_MS. */
    synchronized Future<OAuth2Auth> provider() {
        if (provider != null) {
            return Future.succeededFuture(provider);
        }
        if (discovering != null) {
            return discovering;
        }
        if (clock.getAsLong() - lastFailureMs < RETRY_MS) {
            return Future.failedFuture("provider unreachable");
        }
        OAuth2Options options = new OAuth2Options()
                .setSite(settings.issuer())
                .setClientId(settings.clientId())
                .setClientSecret(settings.clientSecret())
                .setJWTOptions(new JWTOptions().setLeeway((int) SsoRules.LEEWAY_SECONDS))
                .setHttpClientOptions(new HttpClientOptions().setConnectTimeout(3_000).setIdleTimeout(10));
        discovering = OpenIDConnectAuth.discover(vertx, options);
        return discovering.andThen(ar -> {
            synchronized (this) {
                discovering = null;
                if (ar.succeeded()) {
                    OAuth2Auth p = ar.result();
                    // A token signed with a key we do not know yet: the provider rotated its keys.
                    p.missingKeyHandler(kid -> p.jWKSet().onFailure(e -> LOG.atWarn().addKeyValue("kid", kid)
                            .log("OpenID Connect keys not reloaded: " + clip(String.valueOf(e.getMessage())))));
                    provider = p;
                } else {
                    lastFailureMs = clock.getAsLong();
                    LOG.atWarn().addKeyValue("issuer", settings.issuer()).log("OpenID Connect provider unreachable ("
                            + clip(String.valueOf(ar.cause().getMessage())) + "): its sign-in button stays hidden until it answers");
                }
            }
        });
    }

    private String callbackUrl(RoutingContext rc) {
        if (publicUrl != null) {
            return publicUrl + CALLBACK_PATH;
        }
        return rc.request().scheme() + "://" + rc.request().authority() + CALLBACK_PATH;
    }

    private Cookie stateCookie(String value, int maxAge) {
        return Cookie.cookie(STATE_COOKIE, value).setPath("/auth/oidc").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(publicUrl != null && publicUrl.startsWith("https:")).setMaxAge(maxAge);
    }

    private static String clip(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
