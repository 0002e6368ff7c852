package fr.atelier.server.workspace.sso;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * What the provider's answer means, without I/O: the checks the OpenID Connect library leaves to us
 * (nonce, expiry), the e-mail and the rule for a first sign-in (issue 14, item 3).
 */
public final class SsoRules {
    /** Clock difference tolerated with the provider. */
    public static final long LEEWAY_SECONDS = 60;

    private SsoRules() {}

    /** Why a sign-in is refused; each has a French page (SsoPages). */
    public enum Refusal {
        /** The callback's state is not one this browser started (forged, replayed or expired). */
        STATE,
        /** The provider returned an error (the person cancelled, or the provider refused). */
        PROVIDER_ERROR,
        /** No ID token passed the library's checks (signature, issuer, audience), or the exchange failed. */
        ID_TOKEN,
        /** The ID token's nonce is not the one of this sign-in (a replayed or substituted token). */
        NONCE,
        /** The ID token has expired (or is dated in the future). */
        EXPIRED,
        /** The provider gave no usable e-mail address. */
        NO_EMAIL,
        /** Unknown e-mail and its domain is allowed for no territory. */
        DOMAIN_NOT_ALLOWED,
        /** The account exists but an administrator disabled it. */
        DISABLED
    }

    /**
     * Checks left to us once Vert.x verified the ID token's signature, issuer and audience (it drops
     * a token that fails those: {@code idToken} is then null).
     *
     * @return null when the token is acceptable
     */
    public static Refusal checkIdToken(JsonObject idToken, String expectedNonce, long nowSeconds) {
        if (idToken == null) {
            return Refusal.ID_TOKEN;
        }
        String nonce = idToken.getString("nonce");
        if (nonce == null || expectedNonce == null
                || !MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8), expectedNonce.getBytes(StandardCharsets.UTF_8))) {
            return Refusal.NONCE;
        }
        Long exp = number(idToken, "exp");
        Long iat = number(idToken, "iat");
        if (exp == null || exp + LEEWAY_SECONDS < nowSeconds || (iat != null && iat - LEEWAY_SECONDS > nowSeconds)) {
            return Refusal.EXPIRED;
        }
        return null;
    }

    /** Lower-cased and trimmed, or null when it is not an address (one @, something on each side). */
    public static String normaliseEmail(String email) {
        if (email == null) {
            return null;
        }
        String e = email.trim().toLowerCase(Locale.ROOT);
        int at = e.indexOf('@');
        if (at <= 0 || at != e.lastIndexOf('@') || at == e.length() - 1 || e.length() > 254 || e.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        return e;
    }

    /** The domain of a normalised address. */
    public static String domainOf(String email) {
        return email.substring(email.indexOf('@') + 1);
    }

    /** ProConnect sends given_name and usual_name; other providers a name; else the address's local part. */
    public static String displayName(JsonObject claims, String email) {
        String given = claims.getString("given_name", "").trim();
        String usual = claims.getString("usual_name", claims.getString("family_name", "")).trim();
        String name = (given + " " + usual).trim();
        if (name.isEmpty()) {
            name = claims.getString("name", "").trim();
        }
        if (name.isEmpty()) {
            name = email.substring(0, email.indexOf('@'));
        }
        return name.length() > 120 ? name.substring(0, 120) : name;
    }

    /** What a verified e-mail leads to. */
    public sealed interface Outcome permits SignIn, Create, Refuse {}

    public record SignIn(String accountId) implements Outcome {}

    /** A facilitator account in the territory that allowed this domain. */
    public record Create(String territoryId) implements Outcome {}

    public record Refuse(Refusal reason) implements Outcome {}

    /**
     * An existing account signs in (unless disabled); an unknown address gets an account only when
     * an administrator allowed its domain for a territory.
     *
     * @param existingId the active account with this e-mail, or null
     * @param existingDisabled a disabled account holds this e-mail (an address is never given twice)
     * @param allowedTerritoryId the territory that allowed the domain, or null
     */
    public static Outcome decide(String existingId, boolean existingDisabled, String allowedTerritoryId) {
        if (existingDisabled) {
            return new Refuse(Refusal.DISABLED);
        }
        if (existingId != null) {
            return new SignIn(existingId);
        }
        if (allowedTerritoryId != null) {
            return new Create(allowedTerritoryId);
        }
        return new Refuse(Refusal.DOMAIN_NOT_ALLOWED);
    }

    /** Only a path of this site: never "//host" or "https://..." (an open redirect). */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.length() > 500
                || next.chars().anyMatch(c -> c < 0x20)) {
            return null;
        }
        return next;
    }

    private static Long number(JsonObject json, String key) {
        Object v = json.getValue(key);
        return v instanceof Number n ? n.longValue() : null;
    }
}
