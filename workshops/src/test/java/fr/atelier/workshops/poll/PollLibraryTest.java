package fr.atelier.workshops.poll;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.ContentLibrary;
import fr.atelier.workshops.core.ContentLibrary.Problem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in warm-up lists, and YAML import/export with line-numbered French problems. */
class PollLibraryTest {
    private final PollLibrary library = new PollLibrary();

    private static final String VALID = """
            id: essai
            title: "Liste d'essai"
            questions:
              - kind: words
                text: "Un mot ?"
              - text: "Quel site ?"
                options: [Onisep, CIO]
                correct: 1
              - kind: SCALE
                text: "Note ?"
                scale: { min: 0, max: 10, minLabel: Jamais, maxLabel: Toujours }
            """;

    @Test
    void the_catalogue_holds_the_french_warm_ups_and_each_can_be_played() {
        assertThat(library.catalogue()).extracting(ContentLibrary.Item::id).contains("echauffement", "partenaires");
        for (ContentLibrary.Item item : library.catalogue()) {
            PollList list = library.load(item.id());
            assertThat(item.size()).isEqualTo(list.questions().size()).isGreaterThanOrEqualTo(3);
            // The session's decider takes every built-in list as it is.
            assertThat(new PollFormat().decide(new PollState(List.of()), fr.atelier.workshops.core.Roster.EMPTY,
                    fr.atelier.workshops.core.Actor.FACILITATOR, new PollCommand.UseList(list), Instant.EPOCH).accepted()).isTrue();
        }
        assertThat(library.catalogue().stream().flatMap(i -> library.load(i.id()).questions().stream()).map(PollQuestion::kind))
                .contains(PollKind.values());
    }

    @Test
    void a_valid_list_imports_and_exports_to_the_same_list() {
        ContentLibrary.Parsed<PollList> parsed = library.parse(VALID, "yaml");
        assertThat(parsed.problems()).isEmpty();
        PollList list = parsed.content();
        assertThat(list.questions()).extracting(PollQuestion::kind).containsExactly(PollKind.WORDS, PollKind.SINGLE, PollKind.SCALE);
        assertThat(list.questions().get(2).scale()).isEqualTo(new PollQuestion.Scale(0, 10, "Jamais", "Toujours"));
        String yaml = library.export(list, "yaml");
        assertThat(library.parse(yaml, "yaml").content()).isEqualTo(list);
    }

    @Test
    void every_problem_is_reported_on_its_line() {
        String bad = """
                id: essai
                title: "Liste"
                questions:
                  - kind: sondage
                    text: "Type inconnu"
                  - kind: ranking
                    text: "Une seule"
                    options: [seule]
                  - kind: scale
                    text: "Bornes"
                    scale: { min: 2, max: 7 }
                  - kind: words
                    text: "Q"
                    couleur: rouge
                """;
        List<Problem> problems = library.parse(bad, "yaml").problems();
        assertThat(problems).extracting(Problem::line).containsExactly(4, 6, 9, 14);
        assertThat(problems.get(0).message()).contains("type inconnu");
        assertThat(problems.get(1).message()).startsWith("Question 2 : Proposez entre 2 et 8");
        assertThat(problems.get(2).message()).contains("1 à 5 ou de 0 à 10");
        assertThat(problems.get(3).message()).contains("couleur");
    }

    @Test
    void csv_and_empty_files_are_refused() {
        assertThat(library.parse("a;b", "csv").problems()).extracting(Problem::message).containsExactly("Les listes de questions s'importent en YAML uniquement.");
        assertThat(library.parse("  ", "yaml").ok()).isFalse();
        assertThat(library.parse("id: x\ntitle: X\nquestions: []\n", "yaml").ok()).isFalse();
    }
}
