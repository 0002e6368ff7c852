package fr.atelier.server.workspace.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {
    private static String problem(String password) {
        return PasswordRules.problem(password, "claire.martin@cio-dreux.fr").orElse(null);
    }

    @Test
    void twelveMixedCharactersPass() {
        assertThat(problem("Orient@tion1")).isNull();
        assertThat(problem("Cafe-Metier-2026")).isNull();
    }

    @Test
    void shortOrUnmixedPasswordsAreRefusedInFrench() {
        assertThat(problem("")).isEqualTo("Choisissez un mot de passe.");
        assertThat(problem("Orient@ti1")).contains("au moins 12 caractères");
        assertThat(problem("orientation2026")).contains("majuscule, minuscule");
        assertThat(problem("ORIENTATION-2026")).contains("majuscule, minuscule");
        assertThat(problem("Orientation-Centre")).contains("chiffre");
    }

    @Test
    void aPassphraseOfTwentyCharactersAndFourWordsNeedsNoVariety() {
        assertThat(problem("le chat dort sur le canape")).isNull();
        assertThat(problem("orientationcentrevaldeloire")).as("one long word is not a passphrase").isNotNull();
        assertThat(problem("trois mots seulement ici")).isNull();
        assertThat(problem("deux motslongsseulement")).isNotNull();
    }

    @Test
    void theAddressAndRepeatsAreRefused() {
        assertThat(problem("Claire.Martin-2026!")).contains("adresse e-mail");
        assertThat(problem("aaaaaaaaaaaaaaaaaaaaaaaa")).contains("répète");
        assertThat(problem("x".repeat(PasswordRules.MAX + 1))).contains("dépasse");
    }
}
