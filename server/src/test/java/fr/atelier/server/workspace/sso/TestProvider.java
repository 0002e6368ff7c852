package fr.atelier.server.workspace.sso;

import com.nimbusds.jwt.SignedJWT;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.OAuth2HttpRouterKt;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.Headers;

/**
 * A real OpenID Connect provider for the tests (mock-oauth2-server from Maven Central: discovery,
 * JWKS, RS256-signed tokens), issuer "proconnect". Like ProConnect, its userinfo answers a signed
 * JWT (application/jwt); the library's own JSON userinfo gives iat/exp in milliseconds, which no
 * real provider does.
 */
public final class TestProvider implements AutoCloseable {
    public static final String ISSUER_ID = "proconnect";
    public static final String CLIENT_ID = "atelier-test";
    public static final String CLIENT_SECRET = "secret-de-test";

    final MockOAuth2Server server;

    public TestProvider() {
        this(0);
    }

    /** On this port (0: any free one). */
    TestProvider(int port) {
        MockOAuth2Server[] self = new MockOAuth2Server[1];
        server = new MockOAuth2Server(OAuth2HttpRouterKt.get("/" + ISSUER_ID + "/userinfo", request -> userinfo(self[0], request)));
        self[0] = server;
        server.start(port);
    }

    public String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    /** The next sign-in is this person (claims as ProConnect names them). */
    public void nextLoginAs(String email, Map<String, Object> extraClaims) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("email", email);
        claims.put("given_name", "Camille");
        claims.put("usual_name", "Martin");
        claims.putAll(extraClaims);
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "sub-" + email, "JWT", List.of(CLIENT_ID), claims, 3600));
    }

    private static OAuth2HttpResponse userinfo(MockOAuth2Server server, OAuth2HttpRequest request) {
        try {
            String bearer = request.getHeaders().get("Authorization");
            if (bearer == null || !bearer.startsWith("Bearer ")) {
                return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 401, "{\"error\":\"invalid_token\"}", null);
            }
            Map<String, Object> claims = new HashMap<>(SignedJWT.parse(bearer.substring(7)).getJWTClaimsSet().getClaims());
            String subject = (String) claims.get("sub");
            for (String k : List.of("sub", "aud", "iss", "exp", "iat", "nbf", "jti", "nonce", "azp", "tid")) {
                claims.remove(k);
            }
            SignedJWT jwt = server.issueToken(ISSUER_ID, CLIENT_ID,
                    new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 60));
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/jwt"), 200, jwt.serialize(), null);
        } catch (java.text.ParseException e) {
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 401, "{\"error\":\"invalid_token\"}", null);
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
