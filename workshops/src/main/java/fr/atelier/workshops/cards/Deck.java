package fr.atelier.workshops.cards;

import java.util.List;
import java.util.Optional;

/**
 * A deck of the "Jeu de cartes SPRO": rules stated at the start, structure cards, case cards and the
 * observation grid. {@code description} and {@code feelings} (the prompt shown to the two players
 * at the debrief) are optional.
 */
public record Deck(String id, String title, String description, String feelings, List<String> rules,
                   List<StructureCard> structures, List<CaseCard> cases, List<GridField> grid) {
    public static final String DEFAULT_FEELINGS = "Comment avez-vous vécu cette mise en situation ?";

    public Deck {
        rules = rules == null ? List.of() : List.copyOf(rules);
        structures = structures == null ? List.of() : List.copyOf(structures);
        cases = cases == null ? List.of() : List.copyOf(cases);
        grid = grid == null ? List.of() : List.copyOf(grid);
    }

    public Optional<CaseCard> caseCard(int number) {
        return cases.stream().filter(c -> c.number() == number).findFirst();
    }

    public Optional<StructureCard> structure(String id) {
        return structures.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public String feelingsPrompt() {
        return feelings == null || feelings.isBlank() ? DEFAULT_FEELINGS : feelings;
    }
}
