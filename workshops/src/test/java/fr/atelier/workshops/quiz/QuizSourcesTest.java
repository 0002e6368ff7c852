package fr.atelier.workshops.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.ContentLibrary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The regional shelf's facts (issue 16, item 7): every built-in question says where to check its
 * answer, with a link; links to Étoile use its current address (the seeds' etoile.regioncentre.fr is
 * the one from before the region took the name Centre-Val de Loire); the partners that the Challenge
 * numérique sheet names are in the bank.
 */
class QuizSourcesTest {
    private static final QuizLibrary LIBRARY = new QuizLibrary();

    @Test
    void everyBuiltInQuestionHasASourceLink() {
        List<String> missing = new ArrayList<>();
        for (ContentLibrary.Item item : LIBRARY.catalogue()) {
            for (QuizBank.Question q : LIBRARY.load(item.id()).questions()) {
                QuizBank.Source s = q.source();
                if (s == null || s.name() == null || s.name().isBlank() || s.url() == null || !s.url().startsWith("https://")) {
                    missing.add(item.id() + "/" + q.id());
                }
            }
        }
        assertThat(missing).as("questions without a name and an https:// link in their source").isEmpty();
    }

    @Test
    void etoileLinksUseTheCurrentAddress() {
        for (ContentLibrary.Item item : LIBRARY.catalogue()) {
            for (QuizBank.Question q : LIBRARY.load(item.id()).questions()) {
                if (q.source() != null && q.source().url().contains("etoile")) {
                    assertThat(q.source().url()).as(item.id() + "/" + q.id()).startsWith("https://www.etoile.regioncentre-valdeloire.fr");
                }
            }
        }
    }

    @Test
    void thePartnersOfTheChallengeNumeriqueSheetAreAsked() {
        String all = String.join("\n", LIBRARY.load("partenaires-orientation").questions().stream()
                .map(q -> q.text() + " " + q.explanation() + " " + (q.choices() == null ? "" : q.choices().toString())).toList());
        assertThat(all).contains("Cléor").contains("e-logement").contains("espace des professionnels").contains("etoile.regioncentre.fr");
    }
}
