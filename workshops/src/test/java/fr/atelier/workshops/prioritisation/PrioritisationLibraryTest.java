package fr.atelier.workshops.prioritisation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.ContentLibrary.Parsed;
import fr.atelier.workshops.core.ContentLibrary.Problem;
import org.junit.jupiter.api.Test;

/** Dessine-moi vocabularies (issue 16): built-in file, line-numbered import, YAML round trip. */
class PrioritisationLibraryTest {
    private static final PrioritisationLibrary LIBRARY = new PrioritisationLibrary();

    @Test
    void theBuiltInVocabularyNamesEveryFixedId() {
        PrioritisationVocabulary v = LIBRARY.load("vocabulaire-spro");
        assertThat(v.categories()).extracting(PrioritisationVocabulary.Entry::id).containsExactlyElementsOf(
                Vocabulary.CATEGORIES.keySet());
        assertThat(LIBRARY.catalogue()).singleElement().satisfies(i -> assertThat(i.size()).isEqualTo(11));
    }

    @Test
    void unknownIdsAndMissingLabelsAreReportedOnTheirLines() {
        String yaml = """
                id: dreux
                title: Vocabulaire de Dreux
                profiles:
                  - { id: young, label: Jeune }
                  - { id: astronaut, label: Astronaute }
                categories:
                  - { id: conditions }
                """;
        Parsed<PrioritisationVocabulary> p = LIBRARY.parse(yaml, "yaml");
        assertThat(p.ok()).isFalse();
        assertThat(p.problems()).extracting(Problem::line).containsExactly(5, 7);
        assertThat(p.problems().get(0).message()).contains("astronaut").contains("inconnu");
        assertThat(p.problems().get(1).message()).contains("label").contains("obligatoire");
        assertThat(LIBRARY.parse(yaml, "csv").problems().get(0).message()).contains("YAML");
    }

    @Test
    void exportReadsBack() {
        PrioritisationVocabulary v = LIBRARY.load("vocabulaire-spro");
        Parsed<PrioritisationVocabulary> back = LIBRARY.parse(LIBRARY.export(v, "yaml"), "yaml");
        assertThat(back.problems()).isEmpty();
        assertThat(back.content()).isEqualTo(v);
    }
}
