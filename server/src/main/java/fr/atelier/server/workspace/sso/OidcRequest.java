package fr.atelier.server.workspace.sso;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One sign-in in progress: the state (binds the callback to this browser), the nonce (binds the ID
 * token to this request), the PKCE verifier (binds the code to this client), where to return after.
 */
public record OidcRequest(String state, String nonce, String verifier, String redirectUri, String next) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** 256-bit random values; the verifier is 43 characters of base64url, as RFC 7636 asks. */
    public static OidcRequest fresh(String redirectUri, String next) {
        return new OidcRequest(random(), random(), random(), redirectUri, next);
    }

    /** PKCE S256 challenge: base64url(SHA-256(verifier)), without padding (RFC 7636 §4.2). */
    public String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonObject toJson() {
        return new JsonObject().put("nonce", nonce).put("verifier", verifier).put("redirectUri", redirectUri).put("next", next);
    }

    static OidcRequest fromJson(String state, JsonObject json) {
        return new OidcRequest(state, json.getString("nonce"), json.getString("verifier"), json.getString("redirectUri"), json.getString("next"));
    }

    /** Never prints the values (records print every field by default). */
    @Override
    public String toString() {
        return "OidcRequest[next=" + next + "]";
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
