package fr.atelier.workshops.hackathon;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.ContentLibrary.Parsed;
import fr.atelier.workshops.core.ContentLibrary.Problem;
import org.junit.jupiter.api.Test;

/** The built-in challenges, and YAML import and export with a line-numbered French report. */
class HackathonLibraryTest {
    private final HackathonLibrary library = new HackathonLibrary();

    @Test
    void theBuiltInKitHasTheFourChallengesOfTheSourceAndAWeightedRubric() {
        assertThat(library.catalogue()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo("hack-ton-orientation");
            assertThat(i.size()).isEqualTo(4);
        });
        HackathonKit kit = library.load("hack-ton-orientation");
        assertThat(kit.challenges()).extracting(HackathonKit.Challenge::id)
                .containsExactly("ecole-entreprise", "parler-competences", "marque-employeur", "mieux-se-connaitre");
        assertThat(kit.challenges()).allSatisfy(c -> {
            assertThat(c.statement()).isNotBlank();
            assertThat(c.publics()).isNotEmpty();
            assertThat(c.questions()).isNotEmpty();
            assertThat(c.resources()).isNotEmpty();
        });
        assertThat(kit.rubric()).extracting(HackathonKit.Criterion::weight).containsExactly(3, 2, 2, 1);
        assertThat(HackathonLibrary.check(kit)).isEmpty();
    }

    @Test
    void anExportReadsBackAsTheSameKit() {
        HackathonKit kit = library.load("hack-ton-orientation");
        String yaml = library.export(kit, "yaml");
        Parsed<HackathonKit> again = library.parse(yaml, "yaml");
        assertThat(again.problems()).isEmpty();
        assertThat(again.content()).isEqualTo(kit);
    }

    @Test
    void aFacilitatorAddsTheirOwnChallengeWithoutAnId() {
        String yaml = """
                challenges:
                  - id: mobilite
                    title: "Se déplacer pour se former"
                    statement: "En zone rurale, la formation est souvent loin."
                    capacity: 2
                rubric:
                  - { id: impact, label: "Impact", weight: 2 }
                """;
        Parsed<HackathonKit> parsed = library.parse(yaml, "yaml");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.content().challenges().get(0).capacity()).isEqualTo(2);
        assertThat(parsed.content().id()).isNull();
    }

    @Test
    void everyProblemComesWithItsLineInFrench() {
        String yaml = """
                title: Essai
                challenges:
                  - id: Défi 1
                    title: ""
                    statement: "Un énoncé"
                    capacity: 0
                    resources:
                      - { name: Onisep, url: "ftp://onisep.fr" }
                  - id: deux
                    title: Deux
                    statement: Texte
                    couleur: rouge
                rubric:
                  - { id: impact, label: Impact, weight: 11 }
                  - { id: impact, label: Encore, weight: 1 }
                """;
        Parsed<HackathonKit> parsed = library.parse(yaml, "yaml");
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.problems()).contains(
                new Problem(3, "Défi n° 1 : l'identifiant « Défi 1 » ne doit contenir que des minuscules sans accent, des chiffres, - ou _."),
                new Problem(4, "Défi n° 1 : le champ « title » est obligatoire."),
                new Problem(6, "Défi n° 1 : la capacité (nombre d'équipes sur ce défi) doit être un entier de 1 à 50."),
                new Problem(8, "Défi n° 1, ressource n° 1 : l'adresse doit commencer par https:// ou http://."),
                new Problem(12, "Défi « deux » : clé inconnue « couleur » (attendues : capacity, id, publics, questions, resources, statement, title)."),
                new Problem(14, "Critère « impact » : le poids doit être un entier de 1 à 10."),
                new Problem(15, "Critère « impact » : identifiant en double."));
        assertThat(parsed.problems()).extracting(Problem::line).isSorted();
    }

    @Test
    void unreadableYamlNamesItsLine() {
        Parsed<HackathonKit> parsed = library.parse("challenges:\n  - id: a\n    title: [unclosed\nrubric: x\n", "yaml");
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isGreaterThan(0);
            assertThat(p.message()).startsWith("YAML illisible");
        });
        assertThat(library.parse("", "yaml").problems()).containsExactly(new Problem(0, "Le fichier est vide."));
        assertThat(library.parse("a;b", "csv").ok()).isFalse();
    }
}
