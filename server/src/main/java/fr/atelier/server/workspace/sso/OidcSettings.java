package fr.atelier.server.workspace.sso;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Single sign-on by OpenID Connect (ProConnect speaks it), from ATELIER_OIDC_* variables. Off unless
 * an issuer and a client id are set (docs/operations.md, "Connexion par ProConnect").
 */
public record OidcSettings(String issuer, String clientId, String clientSecret, List<String> scopes, String providerName) {

    /** ProConnect gives the e-mail only to clients that ask for it; "openid" is always sent. */
    public static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "given_name", "usual_name");

    public static final OidcSettings OFF = new OidcSettings(null, null, null, DEFAULT_SCOPES, "ProConnect");

    public OidcSettings {
        scopes = List.copyOf(scopes);
    }

    public static OidcSettings from(Map<String, String> env) {
        String issuer = blankToNull(env.get("ATELIER_OIDC_ISSUER"));
        if (issuer != null && issuer.endsWith("/")) {
            issuer = issuer.substring(0, issuer.length() - 1);
        }
        String scopesText = blankToNull(env.get("ATELIER_OIDC_SCOPES"));
        List<String> scopes = new ArrayList<>(List.of("openid"));
        if (scopesText == null) {
            scopes = DEFAULT_SCOPES;
        } else {
            for (String s : scopesText.split("[\\s,]+")) {
                if (!s.isBlank() && !scopes.contains(s)) {
                    scopes.add(s);
                }
            }
        }
        String name = blankToNull(env.get("ATELIER_OIDC_NAME"));
        return new OidcSettings(issuer, blankToNull(env.get("ATELIER_OIDC_CLIENT_ID")), blankToNull(env.get("ATELIER_OIDC_CLIENT_SECRET")),
                scopes, name == null ? "ProConnect" : name);
    }

    public boolean enabled() {
        return issuer != null && clientId != null;
    }

    /** Never prints the client secret (records print every field by default). */
    @Override
    public String toString() {
        return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + ", secret=" + (clientSecret == null ? "none" : "***")
                + ", scopes=" + scopes + ", name=" + providerName + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
