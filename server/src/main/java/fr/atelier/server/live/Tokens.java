package fr.atelier.server.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Random identifiers, secrets and join codes. Secrets are 128 bits and stored only as hashes. */
public final class Tokens {
    /** No 0/O or 1/I/L: codes are read off a projector and typed on phones. */
    public static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int CODE_LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    public static String secret() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String id(String prefix) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String joinCode() {
        StringBuilder sb = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            sb.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Normalises what a person typed: upper case, no spaces; null if it cannot be a code. */
    public static String normaliseCode(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
        if (code.length() != CODE_LENGTH) {
            return null;
        }
        for (char c : code.toCharArray()) {
            if (CODE_ALPHABET.indexOf(c) < 0) {
                return null;
            }
        }
        return code;
    }

    public static String hash(String secret) {
        return fr.atelier.workshops.core.Hashes.sha256Hex(secret);
    }

    /** Constant-time comparison of a presented secret with a stored hash. */
    public static boolean matches(String secret, String storedHash) {
        if (secret == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
