package fr.atelier.server.workspace.sso;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.workspace.sso.SsoRules.Create;
import fr.atelier.server.workspace.sso.SsoRules.Refusal;
import fr.atelier.server.workspace.sso.SsoRules.Refuse;
import fr.atelier.server.workspace.sso.SsoRules.SignIn;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SsoRulesTest {
    private static final long NOW = 1_800_000_000L;

    private static JsonObject token(String nonce, long exp, long iat) {
        return new JsonObject().put("nonce", nonce).put("exp", exp).put("iat", iat);
    }

    @Test
    void anIdTokenPassesWithItsNonceAndInTime() {
        assertThat(SsoRules.checkIdToken(token("n1", NOW + 300, NOW - 5), "n1", NOW)).isNull();
        // Within the clock leeway on both sides.
        assertThat(SsoRules.checkIdToken(token("n1", NOW - 30, NOW + 30), "n1", NOW)).isNull();
    }

    @Test
    void anIdTokenIsRefusedWhenMissingWithAnotherNonceOrOutOfTime() {
        assertThat(SsoRules.checkIdToken(null, "n1", NOW)).isEqualTo(Refusal.ID_TOKEN);
        assertThat(SsoRules.checkIdToken(token("n2", NOW + 300, NOW), "n1", NOW)).isEqualTo(Refusal.NONCE);
        assertThat(SsoRules.checkIdToken(new JsonObject().put("exp", NOW + 300), "n1", NOW)).isEqualTo(Refusal.NONCE);
        assertThat(SsoRules.checkIdToken(token("n1", NOW + 300, NOW), null, NOW)).isEqualTo(Refusal.NONCE);
        assertThat(SsoRules.checkIdToken(token("n1", NOW - SsoRules.LEEWAY_SECONDS - 1, NOW - 400), "n1", NOW)).isEqualTo(Refusal.EXPIRED);
        assertThat(SsoRules.checkIdToken(token("n1", NOW + 900, NOW + SsoRules.LEEWAY_SECONDS + 1), "n1", NOW)).isEqualTo(Refusal.EXPIRED);
        assertThat(SsoRules.checkIdToken(new JsonObject().put("nonce", "n1"), "n1", NOW)).isEqualTo(Refusal.EXPIRED);
    }

    @Test
    void addressesAreLowerCasedAndChecked() {
        assertThat(SsoRules.normaliseEmail("  Camille.Martin@CIO-Dreux.FR ")).isEqualTo("camille.martin@cio-dreux.fr");
        assertThat(SsoRules.domainOf("camille.martin@cio-dreux.fr")).isEqualTo("cio-dreux.fr");
        for (String bad : new String[] {null, "", "sans-arobase", "@cio.fr", "camille@", "a@b@c.fr", "camille martin@cio.fr"}) {
            assertThat(SsoRules.normaliseEmail(bad)).as(String.valueOf(bad)).isNull();
        }
    }

    @Test
    void anExistingAccountSignsInAnUnknownOneNeedsAnAllowedDomain() {
        assertThat(SsoRules.decide("a_1", false, null)).isEqualTo(new SignIn("a_1"));
        assertThat(SsoRules.decide("a_1", false, "t_1")).isEqualTo(new SignIn("a_1"));
        assertThat(SsoRules.decide(null, false, "t_1")).isEqualTo(new Create("t_1"));
        assertThat(SsoRules.decide(null, false, null)).isEqualTo(new Refuse(Refusal.DOMAIN_NOT_ALLOWED));
        // A disabled account keeps its address: no new account, even for an allowed domain.
        assertThat(SsoRules.decide(null, true, "t_1")).isEqualTo(new Refuse(Refusal.DISABLED));
    }

    @Test
    void displayNamesComeFromProConnectClaimsOrTheAddress() {
        assertThat(SsoRules.displayName(new JsonObject(Map.of("given_name", "Camille", "usual_name", "Martin")), "c@x.fr")).isEqualTo("Camille Martin");
        assertThat(SsoRules.displayName(new JsonObject(Map.of("name", "Camille M.")), "c@x.fr")).isEqualTo("Camille M.");
        assertThat(SsoRules.displayName(new JsonObject(), "camille.martin@x.fr")).isEqualTo("camille.martin");
    }

    @Test
    void onlyPathsOfThisSiteAreFollowedAfterSignIn() {
        assertThat(SsoRules.safeNext("/mes-seances?date=2026")).isEqualTo("/mes-seances?date=2026");
        for (String bad : new String[] {null, "", "https://ailleurs.fr/", "//ailleurs.fr/", "/\\\\ailleurs.fr", "mes-seances", "/a\nb"}) {
            assertThat(SsoRules.safeNext(bad)).as(String.valueOf(bad)).isNull();
        }
    }

    @Test
    void settingsAreOffByDefaultAndNeverPrintTheSecret() {
        assertThat(OidcSettings.from(Map.of()).enabled()).isFalse();
        assertThat(OidcSettings.from(Map.of("ATELIER_OIDC_ISSUER", "https://idp.exemple.fr/")).enabled()).isFalse();
        OidcSettings s = OidcSettings.from(Map.of("ATELIER_OIDC_ISSUER", "https://idp.exemple.fr/api/v2/", "ATELIER_OIDC_CLIENT_ID", "atelier",
                "ATELIER_OIDC_CLIENT_SECRET", "tres-secret", "ATELIER_OIDC_SCOPES", "email, given_name usual_name"));
        assertThat(s.enabled()).isTrue();
        assertThat(s.issuer()).isEqualTo("https://idp.exemple.fr/api/v2");
        assertThat(s.scopes()).containsExactly("openid", "email", "given_name", "usual_name");
        assertThat(s.toString()).doesNotContain("tres-secret");
        assertThat(OidcSettings.from(Map.of("ATELIER_OIDC_ISSUER", "x", "ATELIER_OIDC_CLIENT_ID", "y")).scopes()).isEqualTo(OidcSettings.DEFAULT_SCOPES);
    }

    @Test
    void theRequestCarriesFreshValuesAndAnS256Challenge() {
        OidcRequest a = OidcRequest.fresh("http://x/cb", null);
        OidcRequest b = OidcRequest.fresh("http://x/cb", null);
        assertThat(a.verifier()).hasSize(43).isNotEqualTo(b.verifier());
        assertThat(a.state()).isNotEqualTo(b.state()).isNotEqualTo(a.nonce());
        // RFC 7636 appendix B.
        assertThat(new OidcRequest("s", "n", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", null, null).challenge())
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThat(a.toString()).doesNotContain(a.state()).doesNotContain(a.verifier()).doesNotContain(a.nonce());
    }
}
