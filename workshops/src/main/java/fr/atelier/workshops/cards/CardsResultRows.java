package fr.atelier.workshops.cards;

import fr.atelier.workshops.cards.CardsViews.FeelingResult;
import fr.atelier.workshops.cards.CardsViews.FieldAggregate;
import fr.atelier.workshops.cards.CardsViews.Results;
import fr.atelier.workshops.cards.CardsViews.RoundResult;
import fr.atelier.workshops.cards.CardsViews.Tally;
import fr.atelier.workshops.core.Roster;
import java.util.ArrayList;
import java.util.List;

/**
 * The card game's results as rows, computed once from its results records (aggregates and
 * tallies are not recomputed by the readers): the archive writes {@code rounds} and the cited
 * items of {@code grid} into its tables, the CSV export lists every section. The synthesis carries
 * the same results as JSON.
 */
public record CardsResultRows(String deckId, String deckTitle, int roundsPlayed, List<Round> rounds, List<GridLine> grid,
                              List<Tally> topStructures, List<Tally> topSchemes, List<FeelingResult> feelings) {

    /**
     * One played round; {@code counsellor} and {@code beneficiary} are nicknames, {@code redraws} of both cards together,
     * {@code paperGrids} of the {@code grids} typed in from paper.
     */
    public record Round(int number, Integer caseNumber, String caseTitle, String structureId, String structureName, String counsellor,
                        String beneficiary, int redraws, int grids, int paperGrids, Long startedAt) {}

    /**
     * One line of a round's observation grids put together: a cited item ({@code itemKey} and its
     * {@code mentions}) or a free text ({@code itemKey} and {@code mentions} null, {@code label} the text).
     */
    public record GridLine(int round, String fieldId, String fieldLabel, String kind, String itemKey, String label, Integer mentions) {
        public boolean cited() {
            return mentions != null;
        }
    }

    public static CardsResultRows of(CardsState s, Roster roster) {
        return of(CardsViews.results(s, roster));
    }

    public static CardsResultRows of(Results r) {
        List<Round> rounds = new ArrayList<>();
        List<GridLine> grid = new ArrayList<>();
        for (RoundResult rr : orEmpty(r.rounds())) {
            int redraws = Math.max(0, orEmpty(rr.casesDrawn()).size() - 1) + Math.max(0, orEmpty(rr.structuresDrawn()).size() - 1);
            rounds.add(new Round(rr.number(), rr.caseNumber(), rr.caseTitle(), rr.structureId(), rr.structureName(), rr.counsellor(),
                    rr.beneficiary(), redraws, rr.grids(), rr.paperGrids(), rr.startedAt()));
            for (FieldAggregate f : orEmpty(rr.grid())) {
                for (Tally t : orEmpty(f.tally())) {
                    grid.add(new GridLine(rr.number(), f.id(), f.label(), f.kind(), t.key(), t.label(), t.count()));
                }
                for (String text : orEmpty(f.texts())) {
                    grid.add(new GridLine(rr.number(), f.id(), f.label(), f.kind(), null, text, null));
                }
            }
        }
        return new CardsResultRows(r.deckId(), r.deckTitle(), r.roundsPlayed(), List.copyOf(rounds), List.copyOf(grid),
                orEmpty(r.topStructures()), orEmpty(r.topSchemes()), orEmpty(r.feelings()));
    }

    /** An immutable copy, empty for none (a list read from JSON may be missing). */
    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
