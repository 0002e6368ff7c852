package fr.atelier.server.workspace.accounts;

import java.util.Locale;
import java.util.Optional;

/**
 * Password rules after the CNIL's recommendation (délibération 2022-100, password alone with a
 * sign-in rate limit: about 80 bits of entropy): either at least 12 characters mixing upper case,
 * lower case, digit and special character, or a passphrase of at least 20 characters and 4 words.
 * Plus: no address inside, not one character repeated. Decision in docs/decisions.md (w-accounts).
 */
public final class PasswordRules {
    public static final int MIN_MIXED = 12;
    public static final int MIN_PASSPHRASE = 20;
    public static final int MAX = 200;

    private PasswordRules() {}

    /** Empty when acceptable; otherwise the French sentence that says what is missing. */
    public static Optional<String> problem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Choisissez un mot de passe.");
        }
        int length = password.codePointCount(0, password.length());
        if (length > MAX) {
            return Optional.of("Le mot de passe dépasse " + MAX + " caractères.");
        }
        if (email != null && !email.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(email.toLowerCase(Locale.ROOT).split("@")[0])
                && email.split("@")[0].length() >= 4) {
            return Optional.of("Le mot de passe ne doit pas contenir votre adresse e-mail.");
        }
        if (password.codePoints().distinct().count() < 5) {
            return Optional.of("Le mot de passe répète trop les mêmes caractères.");
        }
        if (length >= MIN_PASSPHRASE && words(password) >= 4) {
            return Optional.empty();
        }
        if (length < MIN_MIXED) {
            return Optional.of("Le mot de passe doit compter au moins " + MIN_MIXED + " caractères (majuscule, minuscule, chiffre et"
                    + " caractère spécial), ou au moins " + MIN_PASSPHRASE + " caractères et 4 mots pour une phrase de passe.");
        }
        boolean upper = password.codePoints().anyMatch(Character::isUpperCase);
        boolean lower = password.codePoints().anyMatch(Character::isLowerCase);
        boolean digit = password.codePoints().anyMatch(Character::isDigit);
        boolean other = password.codePoints().anyMatch(c -> !Character.isLetterOrDigit(c));
        if (!(upper && lower && digit && other)) {
            return Optional.of("Hors phrase de passe, le mot de passe doit mêler majuscule, minuscule,"
                    + " chiffre et caractère spécial ; sinon choisissez une phrase de passe d'au moins " + MIN_PASSPHRASE + " caractères et 4 mots.");
        }
        return Optional.empty();
    }

    private static long words(String password) {
        return java.util.Arrays.stream(password.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).count();
    }
}
