package fr.atelier.workshops.cards;

import fr.atelier.workshops.cards.CardsCommand.AddPaperGrid;
import fr.atelier.workshops.cards.CardsCommand.RemovePaperGrid;
import fr.atelier.workshops.cards.CardsEvent.PaperGridAdded;
import fr.atelier.workshops.cards.CardsEvent.PaperGridRemoved;
import fr.atelier.workshops.cards.CardsState.Round;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Paper observation grids (rooms without network): the facilitator types them in, for any round
 * whose scene has begun, until the session ends. They join the round's grids under a "paper-N" id,
 * so the debrief, the synthesis, the CSV and the archive count them exactly as phone grids.
 * The caller has already checked that the facilitator sends the command and that a deck is chosen.
 */
final class PaperGrids {
    /** Paper grids per round at most (a room of a hundred observers is already a large one). */
    static final int PER_ROUND_MAX = 100;

    private PaperGrids() {}

    static Decision<CardsEvent> add(CardsState s, AddPaperGrid c, long at) {
        Round r = c.round() == null ? null : s.round(c.round());
        if (r == null) {
            return Decision.reject("not_found", c.round() == null ? "Indiquez la manche de cette grille papier."
                    : "La manche " + c.round() + " n'existe pas dans cette séance.");
        }
        if (!r.played()) {
            return Decision.reject("wrong_phase", "La manche " + r.number()
                    + " n'a pas encore été jouée : une grille papier se saisit une fois la scène commencée.");
        }
        if (r.paperGrids().size() >= PER_ROUND_MAX) {
            return Decision.reject("invalid", "Cette manche a déjà " + PER_ROUND_MAX + " grilles papier.");
        }
        if (c.answers() == null) {
            return Decision.reject("invalid", "Grille papier vide : remplissez au moins une rubrique.");
        }
        Deck deck = s.deck();
        Map<String, List<String>> clean = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : c.answers().entrySet()) {
            GridField field = deck.grid().stream().filter(f -> f.id().equals(e.getKey())).findFirst().orElse(null);
            if (field == null) {
                return Decision.reject("invalid", "Champ de grille inconnu : « " + Text.clean(e.getKey()) + " ».");
            }
            if (GridField.CARD.equals(field.kind())) {
                String problem = checkCard(field, r, e.getValue());
                if (problem != null) {
                    return Decision.reject("invalid", problem);
                }
                continue; // the round's card, as on the phones: never stored
            }
            String problem = CardsFormat.cleanValues(deck, field, e.getValue(), clean);
            if (problem != null) {
                return Decision.reject("invalid", problem);
            }
        }
        if (clean.isEmpty()) {
            return Decision.reject("invalid", "Grille papier vide : remplissez au moins une rubrique.");
        }
        return Decision.accept(new PaperGridAdded(r.number(), nextId(r), clean, at));
    }

    static Decision<CardsEvent> remove(CardsState s, RemovePaperGrid c, long at) {
        Round r = c.round() == null ? null : s.round(c.round());
        if (r == null || c.paperId() == null || !r.paperGrids().contains(c.paperId())) {
            return Decision.reject("not_found", "Cette grille papier n'existe pas (ou plus).");
        }
        return Decision.accept(new PaperGridRemoved(r.number(), c.paperId(), at));
    }

    /** The card number written on the paper, when there is one, must be the round's card. */
    private static String checkCard(GridField field, Round r, List<String> values) {
        String written = values == null ? "" : values.stream().map(Text::clean).filter(v -> !v.isEmpty()).findFirst().orElse("");
        if (written.isEmpty()) {
            return null;
        }
        String digits = written.replaceFirst("^(?i)(n°|no|n)\\s*", "");
        if (!digits.matches("\\d{1,4}")) {
            return "« " + field.label() + " » : un numéro de carte, par exemple 12.";
        }
        if (r.caseNumber() == null || Integer.parseInt(digits) != r.caseNumber()) {
            return "Cette grille porte la carte n° " + Integer.parseInt(digits) + ", mais la manche " + r.number()
                    + (r.caseNumber() == null ? " n'a pas de carte." : " a joué la carte n° " + r.caseNumber() + " : vérifiez la manche.");
        }
        return null;
    }

    /** "paper-N", N one more than the highest of the round's paper grids. */
    private static String nextId(Round r) {
        int max = 0;
        for (String id : r.paperGrids()) {
            try {
                max = Math.max(max, Integer.parseInt(id.substring(CardsState.PAPER_PREFIX.length())));
            } catch (NumberFormatException ignored) {
                // not one of ours
            }
        }
        return CardsState.PAPER_PREFIX + (max + 1);
    }
}
