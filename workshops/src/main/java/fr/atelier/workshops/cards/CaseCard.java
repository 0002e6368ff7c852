package fr.atelier.workshops.cards;

import java.util.List;

/**
 * A numbered situation. {@code situation} is read aloud; {@code briefing} is for the player of the
 * person only; {@code notes}, {@code structures} and {@code schemes} are the facilitator's.
 */
public record CaseCard(int number, String title, String situation, String briefing, String notes,
                       List<String> structures, List<String> schemes) {
    public CaseCard {
        structures = structures == null ? List.of() : List.copyOf(structures);
        schemes = schemes == null ? List.of() : List.copyOf(schemes);
    }
}
